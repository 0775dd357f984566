package org.hamkke.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.Resource;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * PrimeFaces' own stylesheets and scripts only on the pages that use a PrimeFaces component
 * (the staff table of applications, the roster). PrimeFaces adds its theme (22 KB compressed), its
 * icon stylesheet and its client-side locale to every page by default: on a plain page (the home
 * page, the catalog, My learning, most staff pages) that was four fifths of what a first visit
 * fetched, for nothing (BENCHMARKS.md, page weight, issue 12).
 *
 * <p>A page uses PrimeFaces when one of its components asked for PrimeFaces' scripts or styles:
 * they are then among the view's component resources, which are all known once the view is built,
 * before its head is written. web.xml names this bean as the theme ({@code primefaces.THEME}, read
 * by PrimeFaces for each page), and the layout adds the icons and the locale under the same
 * condition (their own switches, {@code primefaces.PRIME_ICONS} and
 * {@code primefaces.CLIENT_SIDE_LOCALISATION}, are off, being one for the whole application).
 */
@Named
@RequestScoped
public class PrimeFacesResources {

    /** The theme of the staff pages that use PrimeFaces. */
    static final String THEME = "saga-blue";
    private static final String LIBRARY = "primefaces";

    private Boolean used;

    /** Whether the page being rendered has a PrimeFaces component. */
    public boolean isUsed() {
        if (used == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            UIViewRoot view = faces == null ? null : faces.getViewRoot();
            used = view != null && (asksForPrimeFaces(faces, view, "head") || asksForPrimeFaces(faces, view, "body"));
        }
        return used;
    }

    /** The theme PrimeFaces writes into the page's head: none for a page without its components. */
    public String getTheme() {
        return isUsed() ? THEME : "none";
    }

    /** PrimeFaces' texts for its widgets in the reader's language, or in English where it has none. */
    public String getLocaleScript() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String language = faces == null || faces.getViewRoot() == null ? "en" : faces.getViewRoot().getLocale().getLanguage();
        String name = "locales/locale-" + language + ".js";
        Resource resource = faces == null ? null : faces.getApplication().getResourceHandler().createResource(name, LIBRARY);
        return resource == null ? "locales/locale-en.js" : name;
    }

    /** A script or stylesheet of PrimeFaces' own that a component asked for (not the ones the layout adds for it). */
    private static boolean asksForPrimeFaces(FacesContext faces, UIViewRoot view, String target) {
        for (UIComponent resource : view.getComponentResources(faces, target)) {
            Object library = resource.getAttributes().get("library");
            Object name = resource.getAttributes().get("name");
            if (LIBRARY.equals(library) && name instanceof String n && !n.startsWith("primeicons/") && !n.startsWith("locales/")) {
                return true;
            }
        }
        return false;
    }
}
