package org.hamkke.shared.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers the current Faces request with 404 and the "not found" page. Pages use it for an object
 * that does not exist and, alike, for one the reader may not see, so an id reveals nothing.
 */
public final class NotFound {

    private NotFound() {}

    public static void respond() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
