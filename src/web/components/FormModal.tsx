import { App, Form, Modal, type ButtonProps, type FormInstance, type FormProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { ErrorAlert } from './ErrorAlert.js';

interface Props<V, R> {
  title: ReactNode;
  /** The OK button's text; "Lưu" (common.save) unless told. */
  okText?: string;
  okButtonProps?: ButtonProps;
  width?: number;
  /** Pass one when the fields need it (Form.useWatch); otherwise the modal makes its own. */
  form?: FormInstance<V>;
  layout?: FormProps<V>['layout'];
  initialValues?: FormProps<V>['initialValues'];
  /** Shown above the error and the form. */
  intro?: ReactNode;
  /** The API call; a throw (ApiError) is shown in the modal, which stays open. */
  onSubmit(values: V): Promise<R>;
  /** The success toast for what the call returned. */
  success(result: R): string;
  onSaved(result: R): void;
  onClose(): void;
  children: ReactNode;
}

/**
 * A dialog around one form: OK submits it (validation first), the button spins while the call
 * runs, a failure is shown above the fields, a success toasts and hands over to `onSaved`.
 */
export function FormModal<V, R = void>({
  title,
  okText,
  okButtonProps,
  width,
  form: given,
  layout = 'vertical',
  initialValues,
  intro,
  onSubmit,
  success,
  onSaved,
  onClose,
  children,
}: Props<V, R>) {
  const t = useT();
  const { message } = App.useApp();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      const result = await onSubmit(values);
      void message.success(success(result));
      onSaved(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={okButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      <ErrorAlert error={error} />
      <Form<V> form={form} layout={layout} initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {children}
      </Form>
    </Modal>
  );
}
