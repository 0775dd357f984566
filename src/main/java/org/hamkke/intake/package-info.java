/**
 * The intake: programme calls, applications and their review. Where each rule lives:
 *
 * <table>
 *   <caption>The intake's rules and their owners</caption>
 *   <tr><th>rule</th><th>owner</th></tr>
 *   <tr><td>the moves an application may make, and who makes them</td><td>{@link org.hamkke.intake.Stage}</td></tr>
 *   <tr><td>a draft is edited only while a draft and while the call is open; what a draft may hold</td>
 *       <td>{@link org.hamkke.intake.Application#edit}, {@link org.hamkke.intake.ProgrammeCall#isOpenAt}</td></tr>
 *   <tr><td>what a submission needs (a required course completed, as the academy says); submitting once</td>
 *       <td>{@link org.hamkke.intake.Application#problems}, {@link org.hamkke.intake.Application#submit}</td></tr>
 *   <tr><td>what an answer to a question must be</td><td>{@link org.hamkke.intake.CallQuestion#problemWith}</td></tr>
 *   <tr><td>staff move, the applicant withdraws, every move recorded</td>
 *       <td>{@link org.hamkke.intake.Application#moveTo}, {@link org.hamkke.intake.Application#withdraw},
 *       {@link org.hamkke.intake.StageChange}</td></tr>
 *   <tr><td>a decision needs a message</td><td>{@link org.hamkke.intake.Application#decide}</td></tr>
 *   <tr><td>a move on a version someone else changed is refused</td><td>{@link org.hamkke.intake.Application#requireSeen}</td></tr>
 *   <tr><td>a declaration is made once; a declared conflict is final</td><td>{@link org.hamkke.intake.ReviewAssignment#declare}</td></tr>
 *   <tr><td>a submitted review is final until staff reopen it, with a reason that is kept</td>
 *       <td>{@link org.hamkke.intake.Review}</td></tr>
 *   <tr><td>who conflicts with an application (applicant, co-member, declared)</td><td>{@link org.hamkke.intake.Conflicts}
 *       (SQL, so it sits inside every query that reads or changes an application)</td></tr>
 *   <tr><td>a choice option's value stays when its label changes</td><td>{@link org.hamkke.intake.QuestionChoice#revise}</td></tr>
 *   <tr><td>a removed question stays for those who answered it</td><td>{@link org.hamkke.intake.CallQuestion#shownTo}</td></tr>
 *   <tr><td>an answered question is removed only when confirmed; rubric keys in use stay</td><td>{@link org.hamkke.intake.Calls}</td></tr>
 *   <tr><td>what a call must be to be saved</td><td>{@link org.hamkke.intake.CallRules}</td></tr>
 *   <tr><td>the arithmetic of scores</td><td>{@link org.hamkke.intake.Scoring} (and its SQL twin in V12, held to it by ScoreSqlIT)</td></tr>
 *   <tr><td>how long texts may be, and which characters can be kept</td><td>{@link org.hamkke.intake.TextRules}</td></tr>
 *   <tr><td>the name a blind reviewer sees for a file</td><td>{@link org.hamkke.intake.AttachmentNames}</td></tr>
 *   <tr><td>the staff table's orders, each read from an index and paged by key</td><td>{@link org.hamkke.intake.ApplicationTable.Sort}
 *       (and the indexes of V9, V12, V13)</td></tr>
 * </table>
 *
 * <p>Services ({@link org.hamkke.intake.Applications}, {@link org.hamkke.intake.Pipeline},
 * {@link org.hamkke.intake.ApplicationTable},
 * {@link org.hamkke.intake.Reviews}, {@link org.hamkke.intake.Calls}, {@link org.hamkke.intake.Attachments},
 * {@link org.hamkke.intake.IntakeReminders}) are the transaction boundaries: they say who may call
 * them ({@code @Allowed}), find and lock the aggregates, and send the notices, audit entries and
 * events that follow. The database holds the same rules again as constraints (V6, V9, V12): a bug
 * or a hand-written row cannot break them silently.
 */
package org.hamkke.intake;
