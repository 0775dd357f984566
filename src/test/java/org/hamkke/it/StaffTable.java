package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;

/**
 * The staff table of a call as staff use it, in a browser running its scripts (HtmlUnit with
 * JavaScript on): PrimeFaces sorts, filters and pages the table over Ajax, and one dialog moves or
 * decides a row, or holds the bulk action for the ticked rows and its confirmation. Each step waits
 * for the page's Ajax to settle, then reads the page as it is.
 */
final class StaffTable {

    private static final int AJAX_MS = 15_000;
    private static final String ROWS = "//tbody[@id='pipeline:table_data']/tr[@data-rk]";
    private static final String PAGER = "//div[@id='pipeline:table']//*[contains(@class,'ui-paginator-";

    private final Visitor staff;
    private final List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HtmlPage page;

    StaffTable(Visitor staff) {
        this.staff = staff;
        // A script failing in an Ajax callback is only logged by HtmlUnit: collected here, and any fails the step.
        staff.browser().setJavaScriptErrorListener(new org.htmlunit.javascript.SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage at, org.htmlunit.ScriptException e) {
                scriptErrors.add(e.getMessage());
            }
        });
    }

    /** Turns scripts on (the person is signed in already) and opens the call's table; {@code address} may add "&sort=…". */
    StaffTable open(long call, String address) throws IOException {
        staff.browser().getOptions().setJavaScriptEnabled(true);
        staff.browser().getOptions().setThrowExceptionOnScriptError(true);
        page = staff.open("/staff/applications.xhtml?call=" + call + address);
        // HtmlUnit's window lacks queueMicrotask, which every browser the portal serves has and
        // PrimeFaces' Ajax uses; a task queued a moment later stands in for it.
        page.executeJavaScript("window.queueMicrotask = window.queueMicrotask || function (task) { setTimeout(task, 0); };");
        settle();
        return this;
    }

    HtmlPage page() {
        return page;
    }

    private void settle() {
        staff.browser().waitForBackgroundJavaScript(AJAX_MS);
        assertTrue(scriptErrors.isEmpty(), () -> "Script errors: " + scriptErrors);
    }

    private StaffTable click(DomElement element) throws IOException {
        assertNotNull(element, () -> "Nothing to click in " + page.asNormalizedText());
        element.click();
        settle();
        return this;
    }

    /** The applications shown, top to bottom. */
    List<Long> ids() {
        return page.<HtmlElement>getByXPath(ROWS).stream().map(tr -> Long.valueOf(tr.getAttribute("data-rk"))).toList();
    }

    HtmlElement row(long application) {
        HtmlElement row = page.getFirstByXPath(ROWS + "[@data-rk='" + application + "']");
        assertNotNull(row, () -> "No row for application " + application + " in " + page.asNormalizedText());
        return row;
    }

    /** "60 applications": what the table counts with its filters. */
    String total() {
        return page.getElementById("total").asNormalizedText();
    }

    /** Clicks a sortable column's header: the first click sorts one way, the next the other. */
    StaffTable sort(String column) throws IOException {
        return click(page.getElementById("pipeline:table:" + column));
    }

    boolean hasNext() {
        return enabled("ui-paginator-next");
    }

    boolean hasPrevious() {
        return enabled("ui-paginator-prev");
    }

    private boolean enabled(String link) {
        HtmlElement a = page.getFirstByXPath(PAGER + link.substring("ui-paginator-".length()) + "')]");
        return a != null && !a.getAttribute("class").contains("ui-state-disabled");
    }

    StaffTable next() throws IOException {
        return click(page.getFirstByXPath(PAGER + "next')]"));
    }

    StaffTable previous() throws IOException {
        return click(page.getFirstByXPath(PAGER + "prev')]"));
    }

    StaffTable stage(String stage) {
        page.<HtmlSelect>getHtmlElementById("pipeline:stage").setSelectedAttribute(stage, true);
        settle();
        return this;
    }

    StaffTable kind(String kind) {
        page.<HtmlSelect>getHtmlElementById("pipeline:kind").setSelectedAttribute(kind, true);
        settle();
        return this;
    }

    /** Types into the name search; the table follows once typing stops. */
    StaffTable search(String text) throws IOException {
        HtmlInput input = page.getHtmlElementById("pipeline:name");
        input.setValue("");
        input.type(text);
        settle();
        return this;
    }

    StaffTable onlyDisagreement() throws IOException {
        return click(page.getElementById("pipeline:disagreement"));
    }

    /** Ticks (or unticks) rows by their checkbox. */
    StaffTable tick(long... applications) throws IOException {
        for (long application : applications) {
            click(row(application).getFirstByXPath(".//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]"));
        }
        return this;
    }

    /** Whether the row offers a checkbox for the bulk actions. */
    boolean selectable(long application) {
        return row(application).getFirstByXPath(".//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]") != null
                && !row(application).getAttribute("class").contains("ui-state-disabled")
                && row(application).getFirstByXPath(".//div[contains(@class,'ui-chkbox-box') and contains(@class,'ui-state-disabled')]") == null;
    }

    /** The row's "Move or decide…" button: opens the dialog for it. */
    StaffTable openDialog(long application) throws IOException {
        click(row(application).getFirstByXPath(".//button[contains(@class,'open-move')]"));
        assertTrue(dialogOpen(), () -> "The dialog did not open: " + page.asNormalizedText());
        return this;
    }

    boolean dialogOpen() {
        return (Boolean) page.executeJavaScript("PF('moveDialog').isVisible()").getJavaScriptResult();
    }

    String dialog() {
        return page.getElementById("move:body").asNormalizedText();
    }

    /** The stages the dialog offers. */
    List<String> targets() {
        return page.<HtmlSelect>getHtmlElementById("move:to").getOptions().stream().map(HtmlOption::getValueAttribute)
                .filter(v -> !v.isEmpty()).toList();
    }

    HtmlSelect to() {
        return page.getHtmlElementById("move:to");
    }

    HtmlTextArea reason() {
        return page.getHtmlElementById("move:reason");
    }

    StaffTable submit() throws IOException {
        return click(page.getElementById("move:submit"));
    }

    /** Opens the row's dialog, chooses where to and why, and moves. */
    StaffTable move(long application, String to, String reason) throws IOException {
        openDialog(application);
        to().setSelectedAttribute(to, true);
        reason().setText(reason);
        return submit();
    }

    /** The page's messages, outside the dialog. */
    String messages() {
        return page.getElementById("messages").asNormalizedText();
    }

    /** "With the selected…": the dialog for the ticked rows (or a message when none is). */
    StaffTable withSelected() throws IOException {
        return click(page.getElementById("pipeline:table:withSelected"));
    }

    /** In the dialog for the ticked rows: the action and its reason, then on to the confirmation. */
    StaffTable bulk(String action, String reason) throws IOException {
        page.<HtmlSelect>getHtmlElementById("move:action").setSelectedAttribute(action, true);
        page.<HtmlTextArea>getHtmlElementById("move:bulkReason").setText(reason);
        return click(page.getElementById("move:prepare"));
    }

    /** The confirmation's list: each chosen application and what will happen to it. */
    String confirmation() {
        DomElement list = page.getElementById("bulk-selection");
        return list == null ? null : list.asNormalizedText();
    }

    StaffTable confirm() throws IOException {
        return click(page.getElementById("move:confirm"));
    }

    StaffTable cancel() throws IOException {
        return click(page.getElementById(page.getElementById("move:cancel") != null ? "move:cancel" : "move:cancelBulk"));
    }

    static List<Long> ids(long... ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
