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
 * and the calendar of all of them), {@link org.hamkke.academy.OfferExpiry} and
 * {@link org.hamkke.academy.SessionReminders} (the portal).
 */
package org.hamkke.academy;
