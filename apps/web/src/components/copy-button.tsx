import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button';

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children' | 'asChild'> {
  /** What goes to the clipboard. */
  text: string;
  label: string;
  /** Announced (role="status") once copied. */
  copiedMessage: string;
  /** Announced when the clipboard is not available (an insecure page, a refused permission). */
  failedMessage: string;
}

/** A button that copies `text`, with a polite live region saying whether it worked. */
export function CopyButton({
  text,
  label,
  copiedMessage,
  failedMessage,
  variant = 'secondary',
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') {
      return undefined;
    }
    const timer = setTimeout(() => setState('idle'), 5000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant={variant} {...props} onClick={() => void copy()}>
        {label}
      </Button>
      <p role="status" className={`text-sm ${state === 'failed' ? 'text-red-700' : 'text-green-800'}`}>
        {state === 'copied' ? copiedMessage : state === 'failed' ? failedMessage : ''}
      </p>
    </div>
  );
}
