package confbot.discord;

import java.util.Locale;

/**
 * The few words the adapter writes itself (the core writes the answers), in English or Chinese.
 * Chosen from the user's Discord client language when an interaction tells it.
 */
record Texts(String sources, String failed, String shortened, String readMore, String footer) {

    static final Texts ENGLISH = new Texts(
            "Sources",
            "Sorry, something went wrong while answering. Please try again in a moment.",
            "(answer shortened)",
            "Read more",
            "confbot · KubeCon + CloudNativeCon China");

    static final Texts CHINESE =
            new Texts("来源", "抱歉，回答时出错了，请稍后再试。", "（回答已截断）", "阅读更多", "confbot · KubeCon + CloudNativeCon 中国");

    static Texts of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }
}
