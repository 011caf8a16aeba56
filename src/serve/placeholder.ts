/**
 * The page served before any build succeeded: a neutral "starting" page with the client script, which reloads it
 * once the deck builds. It says nothing about the error: the audience may be looking (the presenter view and the
 * terminal show the error).
 */
export function placeholderHtml(bodyHtml: string): string {
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>The talk starts soon</title></head>
<body style="font:20px system-ui;margin:0;height:100vh;display:grid;place-items:center;background:#111;color:#ccc">
<p>The talk starts soon.</p>
<div class="reveal"><div class="slides"></div></div>
${bodyHtml}
</body>
</html>
`;
}
