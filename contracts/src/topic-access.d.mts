import type { TopicsFile } from './topics';

export interface AclBinding {
  resourceType: 'topic' | 'group';
  name: string;
  pattern: 'literal' | 'prefixed';
  principal: string;
  operation: 'read' | 'write' | 'describe';
}

export interface KafkajsAcl {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

export declare const ADMIN_PRINCIPAL: string;
export declare const AUDIT_PRINCIPAL: string;
export declare function servicePrincipals(spec: TopicsFile): string[];
export declare function topicWriters(spec: TopicsFile, topic: string, prefix?: string): string[];
export declare function aclBindings(spec: TopicsFile, prefix?: string): AclBinding[];
export declare function toKafkajsAcl(binding: AclBinding, kafkajs: unknown): KafkajsAcl;
export declare function passwordVariable(principal: string): string;
export declare function syncAcls(admin: unknown, kafkajs: unknown, spec: TopicsFile): Promise<{ created: number; deleted: number }>;
