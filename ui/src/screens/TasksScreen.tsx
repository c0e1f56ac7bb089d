import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import type { TaskStatus } from "../bindings/TaskStatus";
import { formatDateTime } from "../format";
import { useErrorText, useLanguage, useT } from "../i18n";

/**
 * "My tasks" (SPEC §3.5): the open follow-up tasks for this staff member, their role, or
 * anyone, soonest due first. Done or cancel closes a task; the customer opens the profile.
 */
export function TasksScreen({ onOpenCustomer }: { onOpenCustomer: (id: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const tasks = useQuery({ queryKey: ["tasks"], queryFn: api.myTasks });
  const close = async (id: string, status: TaskStatus) => {
    await api.closeTask(id, status);
    await queryClient.invalidateQueries({ queryKey: ["tasks"] });
    await queryClient.invalidateQueries({ queryKey: ["customers", "insights"] });
  };
  const now = Date.now();
  return (
    <div className="scroll-page">
      <Stack>
        <Title order={3}>{t("tasks-title")}</Title>
        {tasks.isError && <Text c="red">{errorText(tasks.error)}</Text>}
        {tasks.data?.length === 0 && <Text c="dimmed" data-testid="tasks-empty">{t("tasks-empty")}</Text>}
        {tasks.data && tasks.data.length > 0 && (
          <Table striped data-testid="tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tasks-task")}</Table.Th>
                <Table.Th>{t("tasks-customer")}</Table.Th>
                <Table.Th>{t("tasks-due")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.data.map((task) => (
                <Table.Tr key={task.id} data-testid="task-row">
                  <Table.Td>
                    {t(`task-${task.type}`)}
                    {task.assigneeRole === "manager" && <Badge size="xs" ms={6} variant="outline">{t("tasks-for-managers")}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onOpenCustomer(task.customerId)}>
                      {task.customerName.trim() || t("value-none")}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    {t("task-due", { date: formatDateTime(task.dueAt, lang) ?? "" })}
                    {new Date(task.dueAt).getTime() < now && <Badge size="xs" ms={6} color="red">{t("tasks-overdue")}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => void close(task.id, "done")} data-testid="task-done">{t("task-done")}</Button>
                      <Button size="xs" variant="subtle" color="gray" onClick={() => void close(task.id, "cancelled")}>{t("task-cancel")}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </div>
  );
}
