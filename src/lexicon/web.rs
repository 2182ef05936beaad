//! Vocabulary of web-page furniture: calls to action, share buttons, photo
//! agencies. The boilerplate rules combine these with the shape and position
//! of a line, never with the words alone.

use super::WordList;

/// Verbs that open a web call to action (`Read more`, `Share this article`).
pub static CTA_VERBS: WordList = WordList(&[
    "click",
    "comment",
    "continue",
    "download",
    "enter",
    "follow",
    "join",
    "listen",
    "log",
    "print",
    "read",
    "register",
    "scroll",
    "see",
    "share",
    "sign",
    "skip",
    "subscribe",
    "tap",
    "view",
    "visit",
    "watch",
]);

/// What a call to action points at (`Subscribe to our newsletter`).
pub static WEB_OBJECTS: WordList = WordList(&[
    "alerts",
    "app",
    "article",
    "articles",
    "below",
    "channel",
    "comments",
    "content",
    "email",
    "feed",
    "here",
    "inbox",
    "link",
    "links",
    "menu",
    "more",
    "navigation",
    "newsletter",
    "newsletters",
    "notifications",
    "page",
    "podcast",
    "post",
    "reading",
    "site",
    "stories",
    "story",
    "top",
    "updates",
    "us",
    "video",
    "website",
]);

/// Lines that are page furniture when they stand alone on a line, compared
/// case-insensitively after trimming trailing `:`, `»` and the like.
pub static BOILERPLATE_PHRASES: WordList = WordList(&[
    "ad",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "also read",
    "article continues below",
    "back to top",
    "comments",
    "continue reading",
    "editors picks",
    "featured",
    "latest news",
    "loading",
    "log in",
    "login",
    "menu",
    "more stories",
    "most popular",
    "most read",
    "most shared",
    "most viewed",
    "popular",
    "print",
    "promoted",
    "publicité",
    "read next",
    "recommended",
    "recommended stories",
    "register",
    "related",
    "related articles",
    "related content",
    "related news",
    "related stories",
    "search",
    "share",
    "sign in",
    "sign up",
    "source link",
    "sponsored",
    "sponsored content",
    "story continues below",
    "subscribe",
    "top stories",
    "trending",
    "trending now",
    "you may also like",
]);

/// Social networks whose names make up share-button rows.
pub static SOCIAL_NETWORKS: WordList = WordList(&[
    "bluesky",
    "facebook",
    "flipboard",
    "instagram",
    "linkedin",
    "mastodon",
    "messenger",
    "pinterest",
    "pocket",
    "reddit",
    "snapchat",
    "telegram",
    "threads",
    "tiktok",
    "tumblr",
    "twitter",
    "viber",
    "wechat",
    "weibo",
    "whatsapp",
    "youtube",
]);

/// Other labels of share buttons (`Email`, `Copy link`, `Print`).
pub static SHARE_WORDS: WordList = WordList(&[
    "comment", "comments", "copy", "e-mail", "email", "link", "mail", "print", "save", "share", "sms", "x",
]);

/// Photo agencies and picture desks that appear in photo credits
/// (`Name/Reuters`, `AFP via Getty Images`).
pub static PHOTO_AGENCIES: WordList = WordList(&[
    "aap",
    "afp",
    "alamy",
    "anadolu",
    "ansa",
    "ap",
    "bloomberg",
    "dpa",
    "efe",
    "epa",
    "getty",
    "imago",
    "istock",
    "kyodo",
    "pa",
    "reuters",
    "shutterstock",
    "sipa",
    "unsplash",
    "xinhua",
    "yonhap",
    "zuma",
]);

/// First words of the fields crawlers and CMSs put around an article
/// (`date 2023-12-18`, `Published: …`, `Last updated …`, `By: Name | …`,
/// `Editor: Name`, `Reporting by …`, the French `Publié le …`).
pub static METADATA_FIELDS: WordList = WordList(&[
    "additional",
    "author",
    "authors",
    "by",
    "compiled",
    "created",
    "date",
    "edited",
    "editor",
    "editors",
    "first",
    "last",
    "mis",
    "modified",
    "posted",
    "publish",
    "published",
    "publié",
    "reporter",
    "reporters",
    "reporting",
    "source",
    "sources",
    "timestamp",
    "translated",
    "translator",
    "translators",
    "updated",
    "writer",
    "writers",
    "written",
]);

/// Labels of site navigation that make up a menu row with calls to action
/// (`Menu Search Sign in Subscribe`).
pub static NAV_WORDS: WordList = WordList(&[
    "account", "contact", "home", "in", "login", "logout", "menu", "news", "out", "profile", "search", "sections", "up",
]);

/// A news site's sections, which make a menu row when joined by bars,
/// dots or stars (`News * Sport * Weather * Travel`).
pub static SECTIONS: WordList = WordList(&[
    "business",
    "culture",
    "entertainment",
    "health",
    "lifestyle",
    "opinion",
    "politics",
    "science",
    "sport",
    "sports",
    "tech",
    "technology",
    "travel",
    "video",
    "weather",
    "world",
]);

/// Headings of link lists (`Related stories`, `Most read`); the headline-shaped
/// lines right under one are links too.
pub static LIST_HEADINGS: WordList = WordList(&[
    "latest news",
    "more from",
    "more stories",
    "most popular",
    "most read",
    "most shared",
    "most viewed",
    "popular",
    "read next",
    "recommended",
    "recommended stories",
    "related",
    "related articles",
    "related content",
    "related news",
    "related stories",
    "top stories",
    "trending",
    "trending now",
    "you may also like",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_labels_and_networks_do_not_overlap() {
        for w in SHARE_WORDS.words() {
            assert!(!SOCIAL_NETWORKS.contains(w), "{w}");
        }
        assert!(SOCIAL_NETWORKS.contains("WhatsApp"));
        assert!(BOILERPLATE_PHRASES.contains("Source link"));
        assert!(CTA_VERBS.contains("Subscribe") && WEB_OBJECTS.contains("newsletter"));
    }
}
