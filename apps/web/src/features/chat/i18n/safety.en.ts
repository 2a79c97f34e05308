/** The safety-number screen (English): the 60 digits and their QR code, comparing them, marking a contact verified. */
export const safetyEn = {
  title: 'Safety number with {{name}}',
  back: '← Back to the conversation',
  intro:
    'These 60 digits are worked out from your keys and {{name}}’s. If nobody is in between — the server included — you both see exactly the same number. Compare it with {{name}} in person, by phone or on a video call: never over this chat itself, because whoever sat in between could change what it shows.',
  loading: 'Working out the safety number…',
  failed: 'The safety number could not be worked out.',
  failedHint: 'The chat may not be connected, or {{name}}’s keys did not arrive.',
  noKeys:
    '{{name}} has not set up the chat on any device yet, so there is no safety number to compare. Try again once they have.',
  number: 'Safety number, 12 groups of 5 digits',
  qr: 'QR code of the safety number with {{name}}',
  qrHint: '{{name}} can also scan this code with Counterpart on their device: it holds the same 60 digits.',
  copy: 'Copy the number',
  copied: 'Copied. Send it to {{name}} over another channel you trust, not this chat.',
  copyFailed: 'Could not copy here: select the digits instead.',
  state: 'On this device:',
  changed: {
    title: '{{name}} has new keys',
    body: 'The number below comes from their new keys, so it differs from the one you may have compared before. Compare it again; marking {{name}} as verified accepts the new keys.',
  },
  compare: {
    title: 'Compare',
    label: 'The number {{name}} reads out or sends you',
    hint: 'Type or paste the 60 digits; spaces are ignored.',
    entered: 'Digits entered: {{entered}} of 60.',
    match: 'The numbers match.',
    matchNext: 'If {{name}} read it out to you or you compared it in person, mark them as verified below.',
    mismatch: 'The numbers differ, from group {{group}} on.',
    mismatchBody:
      'Check for a typo. If they still differ, one of you may have a new device (open this screen again on both), or someone is in between: do not send anything sensitive.',
    notDigits: 'Only digits and spaces can be part of a safety number.',
    tooLong: 'That is more than 60 digits.',
  },
  scan: {
    title: 'Scan their code',
    intro: 'Point the camera of this device at the QR code on {{name}}’s screen.',
    start: 'Scan {{name}}’s code',
    stop: 'Stop the camera',
    video: 'Camera view',
    looking: 'Looking for a QR code…',
    match: 'The scanned code matches this safety number.',
    mismatch:
      'The scanned code does not match. One of you may have a new device, or someone is in between: do not mark {{name}} as verified.',
    notSafety: 'That QR code is not a Counterpart safety number.',
    again: 'Scan again',
    denied: 'The camera could not be opened. It may be blocked for this page, or in use by another app.',
  },
  verify: {
    title: 'Mark as verified',
    hint: 'Only once you have compared all 60 digits with {{name}} and they are the same.',
    hintChanged:
      'Only once you have compared all 60 digits with {{name}} and they are the same. This also accepts their new keys.',
    action: 'Mark {{name}} as verified',
    off: 'Marking as verified is off while the numbers you compared differ.',
    failed: 'It could not be saved: the chat is not connected. Try again.',
    done: '{{name}} is verified.',
    doneBody:
      'You compared the safety number with {{name}}. If their keys change, the chat warns you before you send anything.',
    already: 'Verified on this device',
    alreadyBody:
      'You compared these keys with {{name}} before. If they change, the chat warns you before you send anything.',
  },
};
