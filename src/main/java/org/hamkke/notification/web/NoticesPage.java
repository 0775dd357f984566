package org.hamkke.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.notification.NoticeTemplates;
import org.hamkke.notification.NotificationService;
import org.hamkke.notification.NotificationService.Notice;
import org.hamkke.shared.web.PageMessages;

/** "Notices": the person's own notices, newest first, twenty a page, in the reader's language. */
@Named
@RequestScoped
public class NoticesPage {

    static final int PAGE_SIZE = 20;

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private int page;
    private long total;
    private List<Item> items;

    public record Item(Notice notice, String title, List<String> paragraphs) {}

    @PostConstruct
    void load() {
        long person = currentUser.getPersonId();
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page");
        page = org.hamkke.shared.web.RequestParams.page(asked);
        total = notifications.count(person);
        var locale = NoticeTemplates.localeOf(language.getCode());
        items = notifications.page(person, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(n -> {
                    var rendered = NoticeTemplates.render(n.kind(), n.data(), currentUser.getDisplayName(), locale, "", "");
                    return new Item(n, rendered.subject(), rendered.paragraphs());
                })
                .toList();
    }

    public List<Item> getItems() {
        return items;
    }

    public int getPage() {
        return page;
    }

    public long getTotal() {
        return total;
    }

    public int getPages() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return page < getPages();
    }

    public String markAllRead() {
        int marked = notifications.markAllRead(currentUser.getPersonId());
        PageMessages.info("notices.allRead", language.formatNumber(marked));
        return "/me/notices?faces-redirect=true";
    }
}
