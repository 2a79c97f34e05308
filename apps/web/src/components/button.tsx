import { Slot } from '@radix-ui/react-slot';
import type { ButtonHTMLAttributes, Ref } from 'react';

const VARIANTS = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400',
  /** A destructive action that asks before it acts: quieter than the `danger` button that confirms it. */
  caution: 'border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:text-slate-400',
  link: 'text-brand-700 underline underline-offset-2 hover:text-brand-800 px-0 py-0',
} as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  /** Render the child (a router Link, an anchor) with the button's looks. */
  asChild?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A button at least 44 px high (touch target), with a visible focus ring from the base styles. */
export function Button({ variant = 'primary', asChild, className = '', ...props }: ButtonProps) {
  const Component = asChild ? Slot : 'button';
  const size = variant === 'link' ? '' : 'min-h-11 rounded-md px-4 py-2 font-medium';
  return (
    <Component
      className={`inline-flex items-center justify-center gap-2 ${size} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
