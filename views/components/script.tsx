import { createContext, useContext } from 'hono/jsx';

/**
 * The Content-Security-Policy nonce of the response being rendered. `respond()` provides it, so
 * any component can load a script without threading the nonce through its props.
 */
export const NonceContext = createContext<string | undefined>(undefined);

/** A deferred external script carrying the response's nonce. Never inline code. */
export function Script({ src, module = false }: { src: string; module?: boolean }) {
  const nonce = useContext(NonceContext);
  return module ? <script src={src} type="module" nonce={nonce}></script> : <script src={src} defer nonce={nonce}></script>;
}
