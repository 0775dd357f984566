package org.hamkke.it;

import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;

/** What a person does on a page and what they read there, for the integration tests. */
final class Pages {

    private Pages() {}

    /** Presses the button or follows the link with this id. */
    static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    /** Presses the element found by the XPath (a button in one row of a list). */
    static HtmlPage clickAt(HtmlPage page, String xpath) throws Exception {
        HtmlElement element = page.getFirstByXPath(xpath);
        if (element == null) {
            throw new AssertionError("Nothing at " + xpath + " on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        return element.click();
    }

    /** Types into the text field or text area with this id, replacing what it held. */
    static void type(HtmlPage page, String id, String value) {
        HtmlElement field = page.getHtmlElementById(id);
        if (field instanceof HtmlTextArea area) {
            area.setText(value);
        } else {
            ((HtmlInput) field).setValue(value);
        }
    }

    /** The messages at the top of the page and next to fields, as read. */
    static String messages(HtmlPage page) {
        return page.getByXPath("//*[contains(@class,'field-error')] | //*[@id='messages']").stream()
                .map(e -> ((HtmlElement) e).asNormalizedText()).reduce("", (a, b) -> a + " | " + b);
    }

    /** The messages, and the whole page after them: what a failed assertion should show. */
    static String seen(HtmlPage page) {
        return messages(page) + "\n--- " + page.getUrl() + " ---\n" + page.asNormalizedText();
    }
}
