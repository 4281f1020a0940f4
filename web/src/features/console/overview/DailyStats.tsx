import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import type { ReactNode } from 'react';
import { formatDay, formatDayLong, formatNumber } from '../../../ui/format';

/** One counted thing of a per-day statistic: its field in the API's rows, its label, its colour. */
export interface StatSeries<K extends string> {
  key: K;
  label: string;
  color: string;
}

type DayRow<K extends string> = { day: string } & Record<K, number>;

/**
 * A per-day statistic as people read it: the totals of the window as numbers, a chart of the days, and — for
 * screen readers and anyone who wants the figures — a table of the days that had anything.
 */
export function DailyStats<K extends string>({
  id,
  title,
  series,
  rows,
  totals,
  chart,
  controls,
}: {
  id: string;
  title: string;
  series: StatSeries<K>[];
  rows: DayRow<K>[];
  totals: Record<K, number>;
  chart: 'line' | 'stacked-bars';
  controls?: ReactNode;
}) {
  const data = rows.map((row) => ({ ...row, label: formatDay(row.day) }));
  const chartSeries = series.map(({ key, label, color }) => ({ name: key, label, color }));
  const busyDays = rows.filter((row) => series.some(({ key }) => row[key] > 0));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="md">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {controls}
        <SimpleGrid
          cols={{ base: 2, sm: series.length }}
          spacing="xs"
          component="dl"
          m={0}
          aria-label={`${title}: totals`}
        >
          {series.map(({ key, label }) => (
            <Paper key={key} withBorder p="xs" radius="sm">
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={700} size="lg">
                {formatNumber(totals[key])}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <figure style={{ margin: 0 }} aria-label={`${title} per day, as a chart; the table below has the numbers`}>
          {chart === 'line' ? (
            <LineChart
              h={260}
              data={data}
              dataKey="label"
              series={chartSeries}
              withLegend
              curveType="monotone"
              valueFormatter={formatNumber}
            />
          ) : (
            <BarChart
              h={260}
              data={data}
              dataKey="label"
              series={chartSeries}
              type="stacked"
              withLegend
              valueFormatter={formatNumber}
            />
          )}
        </figure>
        <Table withTableBorder striped>
          <Table.Caption>
            {busyDays.length === 0 ? 'Nothing in this period.' : 'Per day (UTC); days with nothing are left out.'}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Day</Table.Th>
              {series.map(({ key, label }) => (
                <Table.Th key={key} scope="col" ta="right">
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {busyDays
              .slice()
              .reverse()
              .map((row) => (
                <Table.Tr key={row.day}>
                  <Table.Th scope="row" fw={400}>
                    {formatDayLong(row.day)}
                  </Table.Th>
                  {series.map(({ key }) => (
                    <Table.Td key={key} ta="right">
                      {formatNumber(row[key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
