/**
 * The entrepreneur academy: courses, their cohorts and sessions, and fair enrolment with a
 * waitlist. It reads no other feature (intake and incubation may read it). Where each rule lives:
 *
 * <table>
 *   <caption>The academy's rules and their owners</caption>
 *   <tr><th>rule</th><th>owner</th></tr>
 *   <tr><td>the moves an enrolment may make, and who makes them</td><td>{@link org.hamkke.academy.EnrolmentStatus}</td></tr>
 *   <tr><td>what a course must say; prerequisites never the course itself; the completion rule</td>
 *       <td>{@link org.hamkke.academy.Course}</td></tr>
 *   <tr><td>prerequisites exist and make no cycle</td><td>{@link org.hamkke.academy.Courses} (a recursive query)</td></tr>
 *   <tr><td>what a cohort must be: dates, delivery, capacity never below the seats taken, a stale form refused</td>
 *       <td>{@link org.hamkke.academy.Cohort#problems}, {@link org.hamkke.academy.Cohort#requireSeen}</td></tr>
 *   <tr><td>who may enrol, and whether they get a seat, the waitlist or a request for approval</td>
 *       <td>{@link org.hamkke.academy.Cohort#enrol}</td></tr>
 *   <tr><td>freed seats go to the first in line, as offers that hold the seat for a while</td>
 *       <td>{@link org.hamkke.academy.Cohort#offerFreeSeats}, {@link org.hamkke.academy.Enrolment#offer}</td></tr>
 *   <tr><td>accepting in time, declining, expiring, leaving before the start, staff cancelling with a reason</td>
 *       <td>{@link org.hamkke.academy.Enrolment}</td></tr>
 *   <tr><td>sessions, one or a series, within the cohort's days and at the same wall-clock time across a
 *       daylight-saving change</td><td>{@link org.hamkke.academy.Cohort#schedule}, {@link org.hamkke.academy.SessionSeries}</td></tr>
 *   <tr><td>a session moves within its cohort's days, never once begun nor into the past; it is cancelled with a
 *       reason, and no longer removed once anyone is enrolled</td>
 *       <td>{@link org.hamkke.academy.Session#moveTo}, {@link org.hamkke.academy.Session#cancel},
 *       {@link org.hamkke.academy.Cohort#unschedule}</td></tr>
 *   <tr><td>one room and one instructor in one place at a time, the session in the way named; held again by the
 *       database (V15: bookings under exclusion constraints), whose refusal in a race is explained the same way</td>
 *       <td>{@link org.hamkke.academy.Bookings}, {@link org.hamkke.academy.Timetable}</td></tr>
 *   <tr><td>a session's reminder, once per person and start, as long before as they chose</td>
 *       <td>{@link org.hamkke.academy.SessionReminders}, run by {@link org.hamkke.academy.SessionReminderJob}</td></tr>
 *   <tr><td>every change of a cohort's seats happens under its row lock; seats freed are written before seats given</td>
 *       <td>{@link org.hamkke.academy.Seats}</td></tr>
 *   <tr><td>offers whose time is up pass on; offers about to end are reminded once</td>
 *       <td>{@link org.hamkke.academy.OfferExpiry}, run by {@link org.hamkke.academy.WaitlistOfferExpiryJob}</td></tr>
 *   <tr><td>who hears what, once, in their language</td><td>{@link org.hamkke.academy.AcademyNotices}</td></tr>
 *   <tr><td>a completed enrolment gets one certificate, whichever trigger issues it (the completion, the sweep, staff),
 *       under the cohort's lock and a unique enrolment</td>
 *       <td>{@link org.hamkke.academy.Certificates}, run by {@link org.hamkke.academy.CertificateSweepJob} too</td></tr>
 *   <tr><td>a certificate never changes once issued, but for being revoked, once, with a reason</td>
 *       <td>{@link org.hamkke.academy.Certificate#revoke}</td></tr>
 *   <tr><td>one signing key for every instance, from the configuration or made once and kept</td>
 *       <td>{@code AcademyCredentials}, {@code CredentialKeyStore}</td></tr>
 *   <tr><td>what counts as attended (present, late, excused), which marks may be given when, what a learner's
 *       own check-in writes</td><td>{@link org.hamkke.academy.Mark}</td></tr>
 *   <tr><td>when a session's code works, and when a check-in is late</td><td>{@link org.hamkke.academy.CheckInWindow}</td></tr>
 *   <tr><td>what a code looks like and how a typed one is read; each session's random code</td>
 *       <td>{@link org.hamkke.academy.CheckInCode}, drawn by the database (V16)</td></tr>
 *   <tr><td>how many wrong codes a person may type</td><td>{@link org.hamkke.academy.AttemptLimit}</td></tr>
 *   <tr><td>an instructor sees and changes only the cohorts they teach (404 otherwise); a mark or an assessment
 *       changed meanwhile is never overwritten</td><td>{@link org.hamkke.academy.Teaching} (in every query)</td></tr>
 *   <tr><td>completing the learners who meet the course's rule, once, under the cohort's lock, with
 *       {@link org.hamkke.academy.EnrolmentCompleted} fired in the same transaction</td>
 *       <td>{@link org.hamkke.academy.Completer}, run by {@link org.hamkke.academy.CourseCompletionJob} and "complete now"</td></tr>
 *   <tr><td>whose sessions a calendar feed lists (a person's seats; a public cohort's), the secret address kept only as
 *       its hash and replaced on request</td><td>{@link org.hamkke.academy.Feeds}</td></tr>
 *   <tr><td>what a feed says and how (RFC 5545: zones, UIDs, SEQUENCE, DTSTAMP, folding)</td>
 *       <td>{@link org.hamkke.academy.CalendarFeed}</td></tr>
 *   <tr><td>what counts as having completed a course, for other features (the intake's calls)</td>
 *       <td>{@link org.hamkke.academy.Completions}</td></tr>
 * </table>
 *
 * <p><b>The fairness invariant</b> (a cohort never holds more seats than its capacity; waitlist
 * order is request order; no request lost or counted twice; one active enrolment per person and
 * cohort; an offer held by one person at a time) is held three times over: by the entities' rules,
 * by the services taking the cohort's row lock before any change (so changes of one cohort follow
 * one another, on any number of instances), and by the database itself (V14): a trigger keeps the
 * count of seats taken in the statement that changes an enrolment and a check refuses any count
 * above the capacity; a partial unique index allows one active enrolment per person and cohort; the
 * trigger numbers each cohort's events in the order they happen under the lock, which is the
 * waitlist's order and what the concurrency test reads to prove nobody was passed over.
 *
 * <p>Services: {@link org.hamkke.academy.Catalog} (anyone), {@link org.hamkke.academy.Enrolments}
 * (a learner's own), {@link org.hamkke.academy.Courses}, {@link org.hamkke.academy.Cohorts} and
 * {@link org.hamkke.academy.Rosters} (staff), {@link org.hamkke.academy.Timetable} and
 * {@link org.hamkke.academy.SessionCalendar} (staff: changes of where and when sessions take place,
 * and the calendar of all of them), {@link org.hamkke.academy.OfferExpiry},
 * {@link org.hamkke.academy.SessionReminders} and
 * {@link org.hamkke.academy.CompletionRuns} (the portal), {@link org.hamkke.academy.Teaching} (a cohort's
 * instructors), {@link org.hamkke.academy.Attendances} (a learner's own check-in and record),
 * {@link org.hamkke.academy.Certificates} (staff, a learner's own, the portal),
 * {@link org.hamkke.academy.Credentials} (anyone: verification, keys, revocation lists),
 * {@link org.hamkke.academy.Feeds} (anyone holding a feed's address; a person making their own) and
 * {@link org.hamkke.academy.Completions} (what the rest of the portal may ask).
 */
package org.hamkke.academy;
