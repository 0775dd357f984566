package org.hamkke.notification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.db.SchemaMigration;

/** The bell in the top bar: how many notices the person has not read. One indexed count per page. */
@Named
@RequestScoped
public class NoticeBell {

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    @Inject
    SchemaMigration schema;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            Long person = currentUser.getPersonId();
            // The bell is in every page's top bar, error pages included: it must never be the failure.
            try {
                unread = person == null || !schema.isMigrated() ? 0 : notifications.unreadCount(person);
            } catch (RuntimeException databaseDown) {
                unread = 0L;
            }
        }
        return unread;
    }
}
