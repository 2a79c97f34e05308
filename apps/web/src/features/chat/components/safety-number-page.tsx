import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import QRCode from 'qrcode';
import { ChatError, type TrustState } from '@app/client';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CopyButton } from '@web/components/copy-button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { ApiError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import type { ChatSession } from '../lib/chat-session';
import { personName } from '../lib/conversation';
import { useChatSession, useChatState, usePeople } from '../lib/use-chat';
import { TrustMark } from './trust-mark';

const DIGITS = 60;
const GROUP = 5;

/**
 * The safety number with one contact: the 60 digits (12 groups of 5, to read aloud) and their QR code, a field to
 * compare the number the contact reads out or sends, a camera scan of their code where the browser can read QR codes,
 * and "Mark as verified" — which, for changed keys, also accepts the new ones.
 */
export function SafetyNumberPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const { conversationId = '', memberId = '' } = useParams();
  const session = useChatSession();
  useChatState(session);
  const trust = session.trustOf(memberId);
  const ids = useMemo(() => [memberId], [memberId]);
  const name = personName(t, usePeople(ids), memberId);
  const { number, retry } = useSafetyNumber(session, memberId, trust);

  const back = (
    <Link to={`/chat/${conversationId}`} className="text-sm font-medium text-brand-700 underline">
      {t('safety.back')}
    </Link>
  );
  const again = (
    <div>
      <Button variant="secondary" onClick={retry}>
        {common('actions.retry')}
      </Button>
    </div>
  );

  return (
    <Page title={t('safety.title', { name })} before={back}>
      <p className="text-slate-700">{t('safety.intro', { name })}</p>
      {trust === 'changed' ? (
        <Alert tone="warning" title={t('safety.changed.title', { name })}>
          {t('safety.changed.body', { name })}
        </Alert>
      ) : null}
      {number.status === 'loading' ? (
        <p role="status">{t('safety.loading')}</p>
      ) : number.status === 'failed' ? (
        <>
          <Alert tone="error" title={t('safety.failed')}>
            {errorText(
              common,
              number.error instanceof ChatError ? new ApiError(number.error.code) : number.error,
            )}{' '}
            {t('safety.failedHint', { name })}
          </Alert>
          {again}
        </>
      ) : number.theirKeys.length === 0 ? (
        <>
          <Alert tone="info">{t('safety.noKeys', { name })}</Alert>
          {again}
        </>
      ) : (
        <Comparison
          session={session}
          conversationId={conversationId}
          memberId={memberId}
          name={name}
          trust={trust}
          digits={number.digits}
          theirKeys={number.theirKeys}
        />
      )}
    </Page>
  );
}

type SafetyNumber =
  | { status: 'loading' }
  | { status: 'ready'; digits: string; theirKeys: string[] }
  | { status: 'failed'; error: unknown };

/**
 * The safety number as the session works it out, again on Retry and whenever the contact's keys turn `changed` while
 * the screen is open (the digits shown would be those of the old keys).
 */
function useSafetyNumber(session: ChatSession, memberId: string, trust: TrustState | undefined) {
  const [attempt, setAttempt] = useState(0);
  const [changes, setChanges] = useState({ trust, count: 0 });
  if (changes.trust !== trust) {
    setChanges({ trust, count: changes.count + (trust === 'changed' ? 1 : 0) });
  }
  const key = `${memberId}/${attempt}/${changes.count}`;
  const [loaded, setLoaded] = useState<{ key: string; number: SafetyNumber }>();
  useEffect(() => {
    let current = true;
    // Without a connected client the session throws at once rather than rejecting: both end up here.
    Promise.resolve()
      .then(() => session.safetyNumber(memberId))
      .then(
        ({ digits, theirKeys }) => {
          if (current) {
            setLoaded({ key, number: { status: 'ready', digits, theirKeys } });
          }
        },
        (error: unknown) => {
          if (current) {
            setLoaded({ key, number: { status: 'failed', error } });
          }
        },
      );
    return () => {
      current = false;
    };
  }, [session, memberId, key]);
  return {
    number: loaded?.key === key ? loaded.number : ({ status: 'loading' } as const),
    retry: () => setAttempt((count) => count + 1),
  };
}

/** What the typed (or scanned) number says against ours. */
type Verdict =
  | { kind: 'empty' }
  | { kind: 'partial'; entered: number }
  | { kind: 'match' }
  | { kind: 'mismatch'; group: number }
  | { kind: 'notDigits' }
  | { kind: 'tooLong' };

/** Compares what the member typed with the digits, spaces ignored; a wrong digit shows as soon as it is typed. */
function compareSafetyNumbers(typed: string, digits: string): Verdict {
  const entered = typed.replace(/\s+/g, '');
  if (!entered) {
    return { kind: 'empty' };
  }
  if (/\D/.test(entered)) {
    return { kind: 'notDigits' };
  }
  if (entered.length > DIGITS) {
    return { kind: 'tooLong' };
  }
  const differs = [...entered].findIndex((digit, index) => digit !== digits[index]);
  if (differs >= 0) {
    return { kind: 'mismatch', group: Math.floor(differs / GROUP) + 1 };
  }
  return entered.length === DIGITS ? { kind: 'match' } : { kind: 'partial', entered: entered.length };
}

function Comparison({
  session,
  conversationId,
  memberId,
  name,
  trust,
  digits,
  theirKeys,
}: {
  session: ChatSession;
  conversationId: string;
  memberId: string;
  name: string;
  trust: TrustState | undefined;
  digits: string;
  theirKeys: string[];
}) {
  const { t } = useTranslation('chat');
  const [typed, setTyped] = useState('');
  const [scanDiffers, setScanDiffers] = useState(false);
  const verdict = compareSafetyNumbers(typed, digits);
  const groups = digits.match(/\d{1,5}/g) ?? [];

  return (
    <>
      <div className="flex flex-col gap-4 rounded-md border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-3">
          <ol
            aria-label={t('safety.number')}
            className="grid w-fit grid-cols-3 gap-x-4 gap-y-2 font-mono text-2xl tabular-nums text-slate-900 sm:grid-cols-4"
          >
            {groups.map((group, index) => (
              <li key={index}>{group}</li>
            ))}
          </ol>
          <CopyButton
            text={groups.join(' ')}
            label={t('safety.copy')}
            copiedMessage={t('safety.copied', { name })}
            failedMessage={t('safety.copyFailed')}
          />
        </div>
        <figure className="flex flex-col gap-2 sm:max-w-52">
          <QrCode text={digits} label={t('safety.qr', { name })} />
          <figcaption className="text-sm text-slate-700">{t('safety.qrHint', { name })}</figcaption>
        </figure>
      </div>
      <p className="flex flex-wrap items-center gap-x-2">
        <span>{t('safety.state')}</span>
        <TrustMark session={session} memberId={memberId} />
      </p>

      <section aria-labelledby="safety-compare" className="flex flex-col gap-2">
        <h2 id="safety-compare" className="text-lg font-semibold text-slate-900">
          {t('safety.compare.title')}
        </h2>
        <Field
          label={t('safety.compare.label', { name })}
          hint={t('safety.compare.hint')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={
            verdict.kind === 'mismatch' ||
            verdict.kind === 'notDigits' ||
            verdict.kind === 'tooLong' ||
            undefined
          }
        />
        {verdict.kind === 'partial' ? (
          <p className="text-sm text-slate-700">
            {t('safety.compare.entered', { entered: verdict.entered })}
          </p>
        ) : null}
        <div aria-live="polite" aria-atomic="true">
          <VerdictText verdict={verdict} name={name} />
        </div>
      </section>

      <ScanCompare digits={digits} name={name} onDiffers={setScanDiffers} />

      <VerifySection
        session={session}
        conversationId={conversationId}
        memberId={memberId}
        name={name}
        trust={trust}
        theirKeys={theirKeys}
        blocked={verdict.kind === 'mismatch' || scanDiffers}
      />
    </>
  );
}

function VerdictText({ verdict, name }: { verdict: Verdict; name: string }) {
  const { t } = useTranslation('chat');
  switch (verdict.kind) {
    case 'empty':
    case 'partial':
      return null;
    case 'match':
      return (
        <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          <strong>{t('safety.compare.match')}</strong> {t('safety.compare.matchNext', { name })}
        </p>
      );
    case 'mismatch':
      return (
        <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <strong>{t('safety.compare.mismatch', { group: verdict.group })}</strong>{' '}
          {t('safety.compare.mismatchBody')}
        </p>
      );
    case 'notDigits':
      return <p className="text-sm font-medium text-red-700">{t('safety.compare.notDigits')}</p>;
    case 'tooLong':
      return <p className="text-sm font-medium text-red-700">{t('safety.compare.tooLong')}</p>;
  }
}

/** The digits as a QR code, drawn as SVG paths from the code's modules (no markup strings, nothing for the CSP). */
function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let drawn = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        if (modules.get(row, column)) {
          drawn += `M${column} ${row}h1v1h-1z`;
        }
      }
    }
    return { size: modules.size, path: drawn };
  }, [text]);
  const quiet = 4;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`}
      shapeRendering="crispEdges"
      className="size-48 max-w-full"
    >
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

// ---- scanning their code (BarcodeDetector is not in TypeScript's DOM types yet) ----

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const barcodeDetector = (): BarcodeDetectorClass | undefined =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;

/** Whether this browser reads QR codes and has a camera: the scan is offered only then. */
function useQrScanning(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const Detector = barcodeDetector();
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!Detector || typeof media?.getUserMedia !== 'function') {
      return undefined;
    }
    let current = true;
    void (async () => {
      const formats = await Detector.getSupportedFormats();
      const devices = typeof media.enumerateDevices === 'function' ? await media.enumerateDevices() : [];
      if (current) {
        setSupported(formats.includes('qr_code') && devices.some((device) => device.kind === 'videoinput'));
      }
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return supported;
}

const SCAN_EVERY_MS = 250;

type ScanPhase = 'idle' | 'starting' | 'scanning' | 'denied' | 'match' | 'mismatch' | 'notSafety';

/** Their code through this device's camera, compared with the digits here; the camera stops once a code is read. */
function ScanCompare({
  digits,
  name,
  onDiffers,
}: {
  digits: string;
  name: string;
  onDiffers: (differs: boolean) => void;
}) {
  const { t } = useTranslation('chat');
  const supported = useQrScanning();
  const [phase, setPhase] = useState<ScanPhase>('idle');
  const stream = useRef<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  const stopCamera = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  // The camera goes off when the member leaves the screen.
  useEffect(() => stopCamera, []);

  useEffect(() => {
    const Detector = barcodeDetector();
    const element = video.current;
    if (phase !== 'scanning' || !Detector || !element || !stream.current) {
      return undefined;
    }
    element.srcObject = stream.current;
    Promise.resolve(element.play()).catch(() => undefined);
    const detector = new Detector({ formats: ['qr_code'] });
    let busy = false;
    let current = true;
    const timer = setInterval(() => {
      if (busy) {
        return;
      }
      busy = true;
      detector
        .detect(element)
        .then((codes) => {
          const value = codes[0]?.rawValue;
          if (!current || value === undefined) {
            return;
          }
          current = false;
          clearInterval(timer);
          stopCamera();
          const scanned = value.replace(/\s+/g, '');
          const next = !/^\d{60}$/.test(scanned) ? 'notSafety' : scanned === digits ? 'match' : 'mismatch';
          onDiffers(next === 'mismatch');
          setPhase(next);
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, SCAN_EVERY_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [phase, digits, onDiffers]);

  if (!supported) {
    return null;
  }

  const start = async () => {
    setPhase('starting');
    onDiffers(false);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      setPhase('scanning');
    } catch {
      setPhase('denied');
    }
  };
  const stop = () => {
    stopCamera();
    setPhase('idle');
  };

  const filming = phase === 'starting' || phase === 'scanning';
  return (
    <section aria-labelledby="safety-scan" className="flex flex-col gap-2">
      <h2 id="safety-scan" className="text-lg font-semibold text-slate-900">
        {t('safety.scan.title')}
      </h2>
      <p className="text-slate-700">{t('safety.scan.intro', { name })}</p>
      {filming ? (
        <>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('safety.scan.video')}
            className="aspect-square w-full max-w-xs rounded-md bg-black object-cover"
          />
          <div>
            <Button variant="secondary" onClick={stop}>
              {t('safety.scan.stop')}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => void start()}>
            {phase === 'idle' ? t('safety.scan.start', { name }) : t('safety.scan.again')}
          </Button>
        </div>
      )}
      <div aria-live="polite" aria-atomic="true">
        {phase === 'scanning' ? <p className="text-sm text-slate-700">{t('safety.scan.looking')}</p> : null}
        {phase === 'match' ? (
          <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
            {t('safety.scan.match')}
          </p>
        ) : null}
        {phase === 'mismatch' ? (
          <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
            {t('safety.scan.mismatch', { name })}
          </p>
        ) : null}
        {phase === 'notSafety' ? (
          <p className="text-sm font-medium text-red-700">{t('safety.scan.notSafety')}</p>
        ) : null}
        {phase === 'denied' ? (
          <p className="text-sm font-medium text-red-700">{t('safety.scan.denied')}</p>
        ) : null}
      </div>
    </section>
  );
}

// ---- marking verified ----

function VerifySection({
  session,
  conversationId,
  memberId,
  name,
  trust,
  theirKeys,
  blocked,
}: {
  session: ChatSession;
  conversationId: string;
  memberId: string;
  name: string;
  trust: TrustState | undefined;
  theirKeys: string[];
  /** The member's own comparison says the numbers differ. */
  blocked: boolean;
}) {
  const { t } = useTranslation('chat');
  const [justVerified, setJustVerified] = useState(false);
  const [failed, setFailed] = useState(false);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justVerified) {
      done.current?.focus();
    }
  }, [justVerified]);

  const backToConversation = (
    <Link to={`/chat/${conversationId}`} className="font-medium text-brand-700 underline">
      {t('safety.back')}
    </Link>
  );

  if (trust === 'verified') {
    return justVerified ? (
      <div ref={done} tabIndex={-1} className="flex flex-col gap-3 focus:outline-none">
        <Alert tone="success" title={t('safety.verify.done', { name })}>
          {t('safety.verify.doneBody', { name })}
        </Alert>
        <p>{backToConversation}</p>
      </div>
    ) : (
      <section aria-labelledby="safety-verified" className="flex flex-col gap-2">
        <h2 id="safety-verified" className="text-lg font-semibold text-slate-900">
          {t('safety.verify.already')}
        </h2>
        <p className="text-slate-700">{t('safety.verify.alreadyBody', { name })}</p>
        <p>{backToConversation}</p>
      </section>
    );
  }

  const verify = () => {
    try {
      session.verify(memberId, theirKeys);
      setFailed(false);
      setJustVerified(true);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section aria-labelledby="safety-verify" className="flex flex-col gap-2">
      <h2 id="safety-verify" className="text-lg font-semibold text-slate-900">
        {t('safety.verify.title')}
      </h2>
      <p className="text-slate-700">
        {trust === 'changed' ? t('safety.verify.hintChanged', { name }) : t('safety.verify.hint', { name })}
      </p>
      {blocked ? (
        <p className="font-medium text-red-800">{t('safety.verify.off')}</p>
      ) : (
        <div>
          <Button onClick={verify}>{t('safety.verify.action', { name })}</Button>
        </div>
      )}
      {failed ? <Alert tone="error">{t('safety.verify.failed')}</Alert> : null}
    </section>
  );
}
