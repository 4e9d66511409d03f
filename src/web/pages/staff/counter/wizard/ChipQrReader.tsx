import { Alert, Button, Input, type InputRef, Space } from 'antd';
import { type ClipboardEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../../../api.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useT } from '../../../../i18n/i18n.js';
import type { ChipCard } from '../../dossiers/types.js';

/**
 * Đọc mã QR thẻ căn cước: a keyboard-wedge scanner types the QR text into this focused field and
 * presses Enter; a pasted text is read at once. The server parses it (one parser for the whole
 * system) and answers the fields, or a Vietnamese message naming the bad field. The field is
 * emptied after a good read, ready for the next card, and takes the focus whenever its step is
 * shown (`active`), so a scan lands in it without a click.
 */
export function ChipQrReader({ active, onRead }: { active: boolean; onRead(card: ChipCard): void }) {
  const t = useT();
  const input = useRef<InputRef>(null);
  useEffect(() => {
    if (active) input.current?.focus();
  }, [active]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<string[]>([]);

  const read = async (value: string) => {
    if (!value.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const card = await api<ChipCard>('/api/identifiers/chip-qr', { method: 'POST', body: { text: value } });
      setWarnings(card.warnings.map((w) => w.message));
      setText('');
      onRead(card);
    } catch (e) {
      setError(e);
      setWarnings([]);
    } finally {
      setBusy(false);
    }
  };

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted.includes('|')) return; // not a card's text: let it paste normally
    event.preventDefault();
    setText(pasted);
    void read(pasted);
  };

  return (
    <div style={{ marginBottom: 24, maxWidth: 760 }}>
      <label htmlFor="chip-qr" style={{ display: 'block', marginBottom: 8, fontWeight: 500 }}>
        {t('desk.qr.label')}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={input}
          id="chip-qr"
          autoComplete="off"
          value={text}
          placeholder={t('desk.qr.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void read(text)}
          onPaste={paste}
          data-testid="chip-qr"
        />
        <Button loading={busy} onClick={() => void read(text)}>
          {t('desk.qr.read')}
        </Button>
      </Space.Compact>
      <div style={{ marginTop: 8 }}>
        <ErrorAlert error={error} />
        {warnings.length > 0 && (
          <Alert type="warning" showIcon message={t('desk.qr.warnings')} description={warnings.join(' ')} />
        )}
      </div>
    </div>
  );
}
