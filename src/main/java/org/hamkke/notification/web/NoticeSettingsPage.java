package org.hamkke.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NoticePreferences;
import org.hamkke.notification.NoticePreferences.Delivery;
import org.hamkke.notification.NoticePreferences.ReminderLead;
import org.hamkke.shared.web.PageMessages;

/**
 * "E-mail preferences": which kinds come by e-mail, whether at once or in a daily digest, and how
 * long before each session of one's courses its reminder comes (or none).
 */
@Named
@RequestScoped
public class NoticeSettingsPage {

    @Inject
    NoticePreferences preferences;

    @Inject
    CurrentUser currentUser;

    private List<Choice> choices;
    private String delivery;
    private String reminderLead;

    /** One kind's switch; mandatory kinds are shown on and cannot be turned off. */
    public static final class Choice {
        private final NoticeKind kind;
        private boolean email;

        Choice(NoticeKind kind, boolean email) {
            this.kind = kind;
            this.email = email;
        }

        public String getKey() {
            return kind.key();
        }

        public boolean isMandatory() {
            return kind.isMandatory();
        }

        public boolean isEmail() {
            return email || kind.isMandatory();
        }

        public void setEmail(boolean email) {
            this.email = email;
        }
    }

    @PostConstruct
    void load() {
        var current = preferences.of(currentUser.getPersonId());
        choices = NoticeKind.choosable().stream().map(k -> new Choice(k, current.email().get(k))).toList();
        delivery = current.delivery().name();
        reminderLead = preferences.reminderLead(currentUser.getPersonId()).name();
    }

    public List<Choice> getChoices() {
        return choices;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public List<String> getDeliveries() {
        return List.of(Delivery.IMMEDIATE.name(), Delivery.DAILY_DIGEST.name());
    }

    public String getReminderLead() {
        return reminderLead;
    }

    public void setReminderLead(String reminderLead) {
        this.reminderLead = reminderLead;
    }

    /** The reminder leads offered: never, 2 hours, a day (the default), two days. */
    public List<String> getReminderLeads() {
        return Arrays.stream(ReminderLead.values()).map(ReminderLead::name).toList();
    }

    public String save() {
        Map<NoticeKind, Boolean> email = new EnumMap<>(NoticeKind.class);
        choices.forEach(c -> email.put(c.kind, c.isEmail()));
        Delivery mode = Delivery.DAILY_DIGEST.name().equals(delivery) ? Delivery.DAILY_DIGEST : Delivery.IMMEDIATE;
        ReminderLead lead = Arrays.stream(ReminderLead.values()).filter(l -> l.name().equals(reminderLead)).findFirst()
                .orElse(ReminderLead.DEFAULT);
        preferences.save(currentUser.getPersonId(), email, mode, lead);
        PageMessages.info("noticeSettings.saved", null);
        return "/me/notice-settings?faces-redirect=true";
    }
}
