package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.Test;

/**
 * The staff table by keyboard, in a real browser (HtmlUnit does not act on keys as a keyboard
 * does): Tab walks the filters, then the table's button for the ticked rows, then each row's
 * checkbox, name and button in reading order; Space ticks a row; Enter on a row's button opens the
 * dialog with focus inside it, Tab stays inside while it is open, and Escape closes it and puts
 * focus back on that button. Needs a Chromium on the path (skipped without one).
 */
class PipelineKeyboardIT {

    @Test
    void theTableAndItsDialogWorkWithTheKeyboard() throws Exception {
        String executable = Chromium.find().orElse(null);
        assumeTrue(executable != null, "needs a Chromium (or Chrome) on the path");
        long call = IntakeData.call("Keyboard call " + UUID.randomUUID(), false);
        long first = IntakeData.application(call, IntakeData.person("Keyboard applicant", null, ""), "Keyboard Cooperative", "SUBMITTED", 5);
        IntakeData.application(call, IntakeData.person("Second applicant", null, ""), "Second Cooperative", "SUBMITTED", 10);
        try (Visitor staff = new Visitor(); Chromium browser = new Chromium(executable, 1280, 900)) {
            staff.open("/staff/applications.xhtml?call=" + call);
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            for (var cookie : staff.browser().getCookieManager().getCookies()) {
                if ("/".equals(cookie.getPath()) && !cookie.getName().startsWith("KEYCLOAK") && !cookie.getName().startsWith("KC_")) {
                    browser.cookie(cookie.getName(), cookie.getValue(), TestStack.portalUrl());
                }
            }
            browser.open(TestStack.portalUrl() + "/staff/applications.xhtml?call=" + call);

            browser.eval("document.getElementById('pipeline:stage').focus()");
            List<String> order = new ArrayList<>(List.of(browser.focused()));
            for (int i = 0; i < 14; i++) {
                browser.press("Tab");
                order.add(browser.focused());
            }
            String box = "pipeline:table_" + first + "_checkbox";
            String button = "pipeline:table:0:open";
            assertEquals(List.of("pipeline:stage", "pipeline:kind", "pipeline:name", "pipeline:disagreement", "pipeline:table:withSelected"),
                    order.subList(0, 5), "The filters, then the button for the ticked rows: " + order);
            assertTrue(order.indexOf(box) > 4 && order.indexOf(box) < order.indexOf(button), "The row's checkbox, then its button: " + order);

            browser.eval("document.getElementById('" + box + "').focus()");
            browser.press(" ");
            assertEquals("true", browser.eval("document.getElementById('" + box + "').getAttribute('aria-checked')"), "Space ticks the row");

            browser.eval("document.getElementById('" + button + "').focus()");
            browser.press("Enter");
            browser.waitFor("PF('moveDialog').isVisible() && document.getElementById('moveDialog').contains(document.activeElement)");
            assertEquals("move:to", browser.focused(), "Focus starts on the dialog's first field");
            for (int i = 0; i < 6; i++) {
                browser.press("Tab");
                assertEquals("true", browser.eval("document.getElementById('moveDialog').contains(document.activeElement)"),
                        "Tab stays inside the open dialog, at " + browser.focused());
            }
            browser.press("Escape");
            browser.waitFor("!PF('moveDialog').isVisible()");
            browser.waitFor("document.activeElement && document.activeElement.id === '" + button + "'");
        }
    }
}
