/*
 * Shared form of the service-backed record actions (src/admin/admin-kit.ts serviceRecordAction): shows the
 * record, a confirmation text, an optional required reason, and POSTs to the action. Bundled for the browser
 * by AdminJS (rollup + babel); `adminjs`, `react`, `react-router` and `@adminjs/design-system` are globals.
 */
import React, { useState } from 'react';
import { ApiClient, useActionResponseHandler } from 'adminjs';
import { Box, Button, FormGroup, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';

const api = new ApiClient();

const RecordDecision = (props) => {
  const { action, resource, record } = props;
  const custom = action.custom || {};
  const reasonSpec = custom.reason || null;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const handleResponse = useActionResponseHandler();

  const missingReason = !!reasonSpec && reasonSpec.required !== false && reason.trim() === '';

  const submit = (event) => {
    event.preventDefault();
    if (busy || missingReason) return;
    setBusy(true);
    setError(null);
    const data = new FormData();
    data.set('confirmed', 'true');
    if (reasonSpec) data.set('reason', reason);
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
      .then((response) => {
        setBusy(false);
        handleResponse(response);
      })
      .catch((err) => {
        setBusy(false);
        setError(err && err.message ? err.message : String(err));
      });
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid={`decision-${action.name}`}>
      <Text mb="lg" fontWeight="bold">
        {record.title}
      </Text>
      <Text mb="xl">{custom.prompt}</Text>
      {reasonSpec ? (
        <FormGroup>
          <Label htmlFor="decision-reason" required={reasonSpec.required !== false}>
            {reasonSpec.label}
          </Label>
          <TextArea
            id="decision-reason"
            name="reason"
            width={1}
            rows={4}
            maxLength={reasonSpec.maxLength}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormGroup>
      ) : null}
      {error ? <MessageBox mb="lg" variant="danger" message={error} /> : null}
      <Button
        type="submit"
        variant={custom.variant || 'contained'}
        disabled={busy || missingReason}
        data-testid="decision-submit"
      >
        {custom.submitLabel || action.label}
      </Button>
    </Box>
  );
};

export default RecordDecision;
