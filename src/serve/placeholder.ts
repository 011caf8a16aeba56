/** The page served before any build succeeded: empty, with the client script, which shows the error overlay. */
export function placeholderHtml(bodyHtml: string): string {
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>deck serve: build failed</title></head>
<body style="font:16px system-ui;margin:2em">
<p>The deck could not be built yet. Fix the error shown below (and in the terminal); this page reloads by itself.</p>
<div class="reveal"><div class="slides"></div></div>
${bodyHtml}
</body>
</html>
`;
}
