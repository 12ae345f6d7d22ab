export { EventRule, type EventRuleProps, type RuleTarget, validateEventRuleProps } from "./event-rule";
export { type AllowedSender, type DeadLetterQueueProps, Queue, type QueueProps, type QueueTarget, validateQueueProps } from "./queue";
export { Schedule, type ScheduleProps } from "./schedule";
export { type ScheduleExpressionOptions, validateScheduleExpression } from "./schedule-expression";
export { type EventTarget, type TargetDelivery } from "./targets";
export { Topic, type TopicProps, type TopicSubscription } from "./topic";
