package org.hamkke.notification;

/** A notice with e-mail to send was stored; the outbox wakes when its transaction commits. */
record NoticeQueued(long noticeId) {}
