package org.hamkke.shared.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Pages seen by someone not signed in are stateless (transient views), so reading the public
 * pages starts no HTTP session: a crawler or a crowd of anonymous readers costs no memory that
 * outlives their request. Anonymous visitors only ever see public pages and error pages (the gate
 * sends them to sign in for the rest), and none of those needs a view state.
 *
 * <p>Set when the view is created, before rendering: PrimeFaces keeps its script nonce in the
 * view map, which lives in the session, unless the view is transient (its {@code CspState}).
 */
public class StatelessPublicViews extends ViewHandlerWrapper {

    public StatelessPublicViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (context.getExternalContext().getUserPrincipal() == null) {
            root.setTransient(true);
        }
        return root;
    }
}
