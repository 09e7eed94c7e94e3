/**
 * Feedback on answers: every answer and every question the notes did not cover is recorded in the
 * state store's {@link confbot.core.state.AnswerLog}; answers get the id their 👍 / 👎 buttons vote
 * on; {@code /feedback} and {@code confbot feedback} report the counts, the worst rated answers and
 * the most asked questions the notes miss.
 */
package confbot.core.feedback;
