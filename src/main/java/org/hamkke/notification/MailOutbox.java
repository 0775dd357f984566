package org.hamkke.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Callers;

/**
 * Sends the e-mails of notices. Woken when a notice commits (so mail goes out within moments, off
 * the request thread), and drained by {@link MailDeliveryJob} every half minute on some instance,
 * which picks up retries and whatever an instance that stopped left behind.
 */
@Allowed(portal = true)
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    private static final int BATCH = 50;

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "hamkke.portal.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** Extra connections to the mail server while a backlog lasts (bulk digests, after an outage). */
    @Inject
    @ConfigProperty(name = "hamkke.mail.parallel-senders", defaultValue = "3")
    int parallelSenders;

    private final java.util.concurrent.atomic.AtomicInteger helpers = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean serverDownReported;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeQueued queued) {
        wake();
    }

    /** Drains soon on a pool thread; at most one drain per instance runs at a time. */
    /** Only wakes the sender; whoever made a notice may. */
    @Allowed(signedIn = true, portal = true)
    public void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(() -> Callers.asPortal("mail delivery", this::drainWhileWanted));
            } catch (RuntimeException rejected) {
                draining.set(false);
            }
        }
    }

    private void drainWhileWanted() {
        try {
            while (wanted.getAndSet(false)) {
                drain();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail outbox stopped early; the delivery job will go on", e);
        } finally {
            draining.set(false);
            if (wanted.get()) {
                wake();
            }
        }
    }

    /**
     * Sends everything due, batch by batch, until nothing is due or the server is unreachable.
     *
     * @return how many were sent
     */
    public int drain() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<NoticeDeliveries.Claimed> claimed = deliveries.claim(now, BATCH);
            if (claimed.isEmpty()) {
                return sent;
            }
            if (claimed.size() == BATCH) {
                addHelper();
            }
            List<Mailer.Mail> mails = new ArrayList<>(claimed.size());
            for (NoticeDeliveries.Claimed notice : claimed) {
                mails.add(compose(notice));
            }
            try {
                List<Long> ok = new ArrayList<>();
                for (Mailer.Outcome outcome : mailer.send(mails)) {
                    if (outcome.sent()) {
                        ok.add(outcome.id());
                    } else {
                        deliveries.failed(outcome.id(), attemptsOf(claimed, outcome.id()), outcome.permanent(), outcome.error(), clock.instant());
                    }
                }
                deliveries.sent(ok, clock.instant());
                sent += ok.size();
                if (serverDownReported) {
                    serverDownReported = false;
                    LOG.info("Mail server reachable again; delayed e-mails are going out");
                }
            } catch (MessagingException unreachable) {
                for (NoticeDeliveries.Claimed notice : claimed) {
                    deliveries.failed(notice.id(), notice.attempts(), false, Mailer.describe(unreachable), clock.instant());
                }
                if (!serverDownReported) {
                    serverDownReported = true;
                    LOG.warning(() -> "Mail server unreachable (" + Mailer.describe(unreachable)
                            + "); e-mails wait and are retried with growing pauses");
                }
                return sent;
            }
        }
    }

    /** A full batch means a backlog: another sender joins, each claiming its own batches. */
    private void addHelper() {
        if (helpers.incrementAndGet() > parallelSenders - 1) {
            helpers.decrementAndGet();
            return;
        }
        try {
            executor.execute(() -> Callers.asPortal("mail delivery", () -> {
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A mail sender stopped early; the delivery job will go on", e);
                } finally {
                    helpers.decrementAndGet();
                }
            }));
        } catch (RuntimeException rejected) {
            helpers.decrementAndGet();
        }
    }

    private Mailer.Mail compose(NoticeDeliveries.Claimed notice) {
        var locale = NoticeTemplates.localeOf(notice.locale());
        String link = baseUrl + (notice.link() == null ? "/me/notices.xhtml" : notice.link());
        var rendered = NoticeTemplates.render(notice.kind(), org.hamkke.shared.JsonObjects.strings(notice.data()), notice.name(),
                locale, link, baseUrl + "/me/notice-settings.xhtml");
        return new Mailer.Mail(notice.id(), notice.email(), rendered.subject(), rendered.text(), rendered.html(),
                locale.getLanguage());
    }

    private static int attemptsOf(List<NoticeDeliveries.Claimed> claimed, long id) {
        return claimed.stream().filter(c -> c.id() == id).mapToInt(NoticeDeliveries.Claimed::attempts).findFirst().orElse(0);
    }
}
