/**
 * Questions to ranked passages. A question becomes a plan of concepts: each glossary group it
 * mentions (with every form of the group, so 蚂蚁金服 finds Ant Financial) and each remaining
 * word. The plan is built from analysed terms into a BooleanQuery; user text never meets a query
 * parser.
 */
package confbot.core.retrieve;
