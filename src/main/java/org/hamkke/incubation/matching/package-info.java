/**
 * Mentor matching for the incubation programme: plain rules, no storage, which the incubation's
 * services call with what they read. Where each rule lives:
 *
 * <table>
 *   <caption>Matching's rules and their owners</caption>
 *   <tr><th>rule</th><th>owner</th></tr>
 *   <tr><td>a programme's weights, each 0 to 100</td><td>{@link org.hamkke.incubation.matching.Weights}</td></tr>
 *   <tr><td>the score of a venture and a mentor, part by part, each part a reason by message key</td>
 *       <td>{@link org.hamkke.incubation.matching.MatchScore#score}</td></tr>
 *   <tr><td>who is never offered (conflict, unavailable, at cap), and which reason is given first</td>
 *       <td>{@link org.hamkke.incubation.matching.MatchScore#exclusion}</td></tr>
 *   <tr><td>the mentors offered for one venture, in a stable order</td><td>{@link org.hamkke.incubation.matching.Ranking}</td></tr>
 *   <tr><td>a whole round: most ventures placed, then the best total, and why a venture was left out</td>
 *       <td>{@link org.hamkke.incubation.matching.RoundMatcher}</td></tr>
 * </table>
 */
package org.hamkke.incubation.matching;
