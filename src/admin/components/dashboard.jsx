/*
 * Reviewer dashboard: who is logged in, and the work queues and counts the dashboard handler answers
 * (src/admin/admin.module.ts). Bundled for the browser by AdminJS.
 */
import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H3, H4, Link, Loader, MessageBox, Text } from '@adminjs/design-system';

const api = new ApiClient();

const Card = ({ item }) => (
  <Box
    variant="card"
    flex
    flexDirection="column"
    width={[1, 1 / 2, 1 / 3]}
    m="default"
    p="xl"
    data-testid={`dashboard-${item.key}`}
  >
    <H3 mb="sm">{item.value}</H3>
    {item.href ? <Link href={item.href}>{item.label}</Link> : <Text>{item.label}</Text>}
  </Box>
);

const Dashboard = () => {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    api
      .getDashboard()
      .then((response) => setData(response.data))
      .catch((err) => setError(err && err.message ? err.message : String(err)));
  }, []);

  return (
    <Box variant="grey" data-testid="opc-dashboard">
      <Box variant="white" p="xl" mb="xl">
        <H2>Open Partner Center — reviewers</H2>
        {data ? (
          <Text>
            Signed in as {data.reviewer.email} ({data.reviewer.roles.join(', ') || 'no roles'})
          </Text>
        ) : null}
      </Box>
      {error ? <MessageBox variant="danger" message={error} /> : null}
      {!data && !error ? <Loader /> : null}
      {data ? (
        <Box>
          <H4 mx="default">Work queues and records</H4>
          <Box flex flexDirection="row" flexWrap="wrap">
            {data.cards.map((item) => (
              <Card key={item.key} item={item} />
            ))}
          </Box>
          <Text mx="default" mt="xl" opacity={0.7}>
            Decisions made here run through the same services, state machines, audit log and notifications as
            the reviewer API (/api/v1/admin).
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};

export default Dashboard;
