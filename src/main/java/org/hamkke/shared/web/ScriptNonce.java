package org.hamkke.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * The page's script nonce, for a hidden field in every form. PrimeFaces adds it to forms with
 * JavaScript and refuses to re-render a posted page without it; a phone with scripts off would
 * then get an error page instead of its validation messages. The nonce is no secret (every script
 * tag on the page carries it); it only has to come back.
 */
@Named
@RequestScoped
public class ScriptNonce {

    public String getValue() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? "" : PrimeFacesContext.getCspState(faces).getNonce();
    }
}
