/**
 * The live schedule: what is on now and next on a conference's clock, new versions of the
 * published catalogs, and the differences between them, talk by talk.
 */
package confbot.core.schedule;
