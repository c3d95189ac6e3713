/**
 * A deferred script from one of our own files. Never inline code: the Content-Security-Policy
 * allows scripts from this origin only (`script-src 'self'`), so a page needs no per-response value
 * and the same bytes can be served to every anonymous reader (src/http/page-cache.ts).
 */
export function Script({ src, module = false }: { src: string; module?: boolean }) {
  return module ? <script src={src} type="module"></script> : <script src={src} defer></script>;
}
