import type { Driver } from 'neo4j-driver';

/**
 * Constraints and indexes of the product graph. Idempotent; concurrent
 * creation by another process is tolerated.
 */
const STATEMENTS = [
  'CREATE CONSTRAINT nexus_product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT nexus_task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT nexus_brand_key IF NOT EXISTS FOR (n:Brand) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT nexus_category_key IF NOT EXISTS FOR (n:Category) REQUIRE n.key IS UNIQUE',
  'CREATE INDEX nexus_product_scope IF NOT EXISTS FOR (n:Product) ON (n.scope)',
  'CREATE INDEX nexus_task_scope IF NOT EXISTS FOR (n:Task) ON (n.scope)',
  'CREATE INDEX nexus_brand_scope IF NOT EXISTS FOR (n:Brand) ON (n.scope)',
  'CREATE INDEX nexus_category_scope IF NOT EXISTS FOR (n:Category) ON (n.scope)',
];

export async function ensureGraphSchema(driver: Driver): Promise<void> {
  for (const statement of STATEMENTS) {
    try {
      await driver.executeQuery(statement);
    } catch (error) {
      // Another process created the same thing a moment ago.
      if (!/EquivalentSchemaRuleAlreadyExists|already exists/i.test(String((error as { code?: string }).code ?? '') + String((error as Error).message))) throw error;
    }
  }
}
