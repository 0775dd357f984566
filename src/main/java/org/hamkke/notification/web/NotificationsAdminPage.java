package org.hamkke.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.notification.DigestHour;
import org.hamkke.notification.MailOutbox;
import org.hamkke.notification.NoticeDeliveries;
import org.hamkke.notification.NoticeDeliveries.FailedDelivery;
import org.hamkke.shared.web.PageMessages;
import org.quartz.SchedulerException;

/**
 * Admin "Notifications": the digest hour, and the e-mails that failed or are waiting for another
 * try, with the server's reason; a failed one can be tried again (audited).
 */
@Named
@RequestScoped
public class NotificationsAdminPage {

    static final int PAGE_SIZE = 50;

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    DigestHour digestHour;

    @Inject
    MailOutbox outbox;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    Clock clock;

    private List<FailedDelivery> troubled;
    private long troubledCount;
    private int hour;
    private int page;

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page");
        page = org.hamkke.shared.web.RequestParams.page(asked);
        troubled = deliveries.troubled((page - 1) * PAGE_SIZE, PAGE_SIZE);
        troubledCount = deliveries.troubledCount();
        hour = digestHour.get();
    }

    public List<FailedDelivery> getTroubled() {
        return troubled;
    }

    public long getTroubledCount() {
        return troubledCount;
    }

    public int getPage() {
        return page;
    }

    public int getPages() {
        return (int) Math.max(1, (troubledCount + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public int getHour() {
        return hour;
    }

    public void setHour(int hour) {
        this.hour = hour;
    }

    public List<Integer> getHours() {
        return IntStream.range(0, 24).boxed().toList();
    }

    public String saveHour() {
        try {
            digestHour.change(currentUser.actor(), hour);
            return done("notifications.hourSaved", String.format("%02d:00", hour));
        } catch (SchedulerException | IllegalArgumentException | IllegalStateException e) {
            return failed("notifications.hourFailed");
        }
    }

    public String retry(long noticeId) {
        if (deliveries.retry(currentUser.actor(), noticeId, clock.instant())) {
            outbox.wake();
            return done("notifications.retried", String.valueOf(noticeId));
        }
        return failed("notifications.retryGone");
    }

    private String done(String key, String value) {
        PageMessages.info(key, value);
        return "/admin/notifications?faces-redirect=true";
    }

    private String failed(String key) {
        PageMessages.error(key, null);
        return "/admin/notifications?faces-redirect=true";
    }
}
