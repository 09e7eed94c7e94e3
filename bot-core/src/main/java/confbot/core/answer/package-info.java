/**
 * Ranked passages to a short answer, or an honest "the notes don't say". The writer takes the
 * best passage with its neighbour (headings and lead-ins are often split from the facts they
 * introduce), keeps the sentences that carry the question's concepts, and cites the passages it
 * used. Whether to answer at all is the {@link confbot.core.answer.AbstainPolicy}'s call.
 */
package confbot.core.answer;
