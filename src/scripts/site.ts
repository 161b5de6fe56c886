// The site's one enhancement bundle, loaded where a widget renders <Enhancements />: each part acts
// only where its markup is (poll, visit counter, reading size, article tools), so one cached file
// serves every page that has any of them.
import "./poll.ts";
import "./visit-counter.ts";
import "./font-size.ts";
import "./article-tools.ts";
import "./comments.ts";
