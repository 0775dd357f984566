package org.hamkke.intake.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.hamkke.intake.TextRules;

/**
 * The intake's text limits for the pages' {@code maxlength} ({@code #{textLimits.name}}): the very
 * numbers the services hold every post to, so a browser that respects maxlength is never refused.
 */
@Named
@ApplicationScoped
public class TextLimits {

    public int getName() {
        return TextRules.NAME;
    }

    public int getShort() {
        return TextRules.SHORT;
    }

    public int getEmail() {
        return TextRules.EMAIL;
    }

    public int getComment() {
        return TextRules.COMMENT;
    }

    public int getReason() {
        return TextRules.REASON;
    }

    public int getReopenReason() {
        return TextRules.REOPEN_REASON;
    }

    public int getLines() {
        return TextRules.LINES;
    }
}
