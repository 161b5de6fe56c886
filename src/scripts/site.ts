// The site's one enhancement bundle, loaded by every page (BaseLayout): each part acts only where
// its markup is (poll, visit counter, reading size, article tools), so one cached file serves all.
import "./poll.ts";
import "./visit-counter.ts";
import "./font-size.ts";
import "./article-tools.ts";
