// The embed's height message and the code a chart page offers to other sites. The convention is
// Datawrapper's: the framed page posts {"<key>": {"<chart id>": <height in CSS px>}} to its parent
// on load and whenever its height changes; the host's optional script sets the height of the
// iframe that sent it (matched by window, and by the origin of its src), so the embed fits at any
// width. Without the script the iframe keeps the height written in the code.

/** The message key: `{"bieu-do-height": {"so-dang-vien": 412}}`. */
export const HEIGHT_MESSAGE = "bieu-do-height";

/** The height an iframe starts with before the first message (or without the script). */
export const DEFAULT_EMBED_HEIGHT = 480;

/** The host page's script: plain ES2015, one listener however many embeds a page has. */
export const HOST_SCRIPT = `(function(){if(window.__bieuDoHeight)return;window.__bieuDoHeight=1;window.addEventListener("message",function(e){var d=e.data&&e.data["${HEIGHT_MESSAGE}"];if(!d||typeof d!=="object")return;var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++){if(f[i].contentWindow!==e.source)continue;try{if(new URL(f[i].src,location.href).origin!==e.origin)continue}catch(x){continue}for(var k in d){var h=Number(d[k]);if(h>0&&h<20000)f[i].style.height=Math.ceil(h)+"px"}}})})();`;

/** The embed page's own script: posts its document height to the parent when it changes. */
export function embedScript(id: string): string {
  return `(function(){if(window.parent===window)return;var last=0;function send(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(h===last)return;last=h;var m={};m[${JSON.stringify(HEIGHT_MESSAGE)}]={};m[${JSON.stringify(HEIGHT_MESSAGE)}][${JSON.stringify(id)}]=h;window.parent.postMessage(m,"*")}send();addEventListener("load",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.documentElement);else addEventListener("resize",send)})();`;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** What a chart page offers to copy: the iframe, then the optional script that sizes it. */
export function embedCode(embedHref: string, title: string): string {
  const iframe =
    `<iframe src="${escapeAttribute(embedHref)}" title="${escapeAttribute(title)}" ` +
    `style="width:100%;min-width:100%;border:0" height="${DEFAULT_EMBED_HEIGHT}" loading="lazy"></iframe>`;
  return `${iframe}\n<script>${HOST_SCRIPT}</script>`;
}
