'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FlagPreviewAnswer } from '@/types/forms';

const FLAG_DELAY_MS = 400;
const figureFields = ['value', 'numerator', 'denominator', 'milestone'] as const;

/**
 * The data-quality flags of the figures typed in a form, asked of the server as the watched fields change
 * (debounced; only the latest answer counts). `ask` sends the form's fields to a read-only action. `live` is null
 * until asked since the form's last answer (`answer`), whose own warnings then show instead. With no figure typed
 * there is nothing to flag; an unreachable server shows none (the submit checks again).
 */
export function useLiveFlags(ask: (data: FormData) => Promise<FlagPreviewAnswer>, watched: ReadonlySet<string>, answer: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const asked = useRef(0);
  const [live, setLive] = useState<string[] | null>(null);
  const [seen, setSeen] = useState(answer);
  if (seen !== answer) {
    setSeen(answer);
    setLive(null);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (!watched.has((event.nativeEvent.target as HTMLInputElement | null)?.name ?? '')) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      const n = ++asked.current;
      if (!figureFields.some((f) => String(data.get(f) ?? '').trim())) return setLive([]);
      ask(data)
        .then((result) => {
          if (n === asked.current) setLive(result.ok ? result.flags : []);
        })
        .catch(() => undefined);
    }, FLAG_DELAY_MS);
  };
  return { formRef, live, onChange };
}

/** The figure fields of a form, as the flag previews read them. */
export const figuresOf = (data: FormData) => Object.fromEntries(figureFields.map((f) => [f, String(data.get(f) ?? '')]));
