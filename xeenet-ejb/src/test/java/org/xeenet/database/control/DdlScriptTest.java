package org.xeenet.database.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlScriptTest {
  @Test
  void statementsEndAtASemicolonAndCommentsAreSkipped() {
    DdlScript script =
        DdlScript.parse(
            3,
            "-- header\nCREATE TABLE A (\n  X INT\n);\n\n-- note\nCREATE INDEX I ON A (X);\nINSERT INTO A VALUES (1)");
    assertThat(script.statements())
        .containsExactly(
            "CREATE TABLE A (\nX INT\n)", "CREATE INDEX I ON A (X)", "INSERT INTO A VALUES (1)");
  }

  @Test
  void theSchemaOfRecordLoadsFromTheClassPath() {
    DdlScript schema = DdlScript.load(1, "db/derby/V1__schema.sql");
    assertThat(schema.statements()).hasSizeGreaterThan(8);
    assertThat(schema.statements()).anyMatch(s -> s.startsWith("CREATE TABLE XN_TASK"));
    assertThat(schema.statements()).noneMatch(s -> s.contains(";"));
  }
}
