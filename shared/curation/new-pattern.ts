/**
 * A new pattern file in the v7.1 layout, as the authoring template lays it out
 * (seven commented groups, the eight body sections), with its identity filled
 * in: a fresh TypeID, the slug, the title.
 */
import { formatString } from '../edits/yaml-scalar-format';

const RULE = '# ═══════════════════════════════════════════════════════════════════';
const group = (title: string) => `${RULE}\n# ${title}\n${RULE}\n`;

export interface NewPatternFields {
  id: string;
  slug: string;
  title: string;
  /** YYYY-MM-DD for `last_pruned`. */
  today: string;
  summary?: string;
}

const SECTIONS = ['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality'];

export function newPatternText(f: NewPatternFields): string {
  const title = formatString(f.title, 'double', 'block');
  const summary = f.summary ?? `A one-sentence summary of ${f.title}.`;
  const body = SECTIONS.map((name, i) => {
    const lead =
      name === 'Problem' ? '> **The core conflict is {Tension A} vs. {Tension B}.**\n\n' : name === 'Solution' ? '> **Therefore, {the core instruction in one bold sentence}.**\n\n' : '';
    return `### Section ${i + 1}: ${name}\n\n${lead}{Write the ${name.toLowerCase()} here.}\n`;
  }).join('\n---\n\n');
  return `---
${group('GROUP 1: CORE IDENTITY')}id: ${f.id}
slug: ${f.slug}
title: ${title}
aliases: []
summary: >-
  ${summary}

${group('GROUP 2: CONTEXTUAL TRANSLATION (The Navigator Engine)')}context_labels:
  corporate: ""
  government: ""
  activist: ""
  tech: ""

${group('GROUP 3: ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)')}ontology:
  domain: ""
  cross_domains: []
  search_hints:
    primary_tension: "{Tension A} vs. {Tension B}"
    vector_keywords: []
  commons_assessment:
    stakeholder_architecture: 3
    value_creation: 3
    resilience: 3
    ownership: 3
    autonomy: 3
    composability: 3
    fractal_value: 3
    vitality: 3.0
    vitality_reasoning: >-
      {Reasoning for the vitality score, with strengths and weaknesses.}
    overall_score: 3.0

${group('GROUP 4: LIFECYCLE & CONFIDENCE')}lifecycle:
  usage_stage: design
  adoption_stage: emerging
  status: draft
  version: 1.0
  confidence: 2

${group('GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)')}relationships:
  generalizes_from: []
  specializes_to: []
  enables: []
  requires: []
  alternatives: []
  complementary: []
  tools: []

${group('GROUP 6: GRAPH GARDEN (Machine-Written Graph)')}graph_garden:
  last_pruned: ${f.today}
  entities: []
  communities: []
  inferred_links: []

${group('GROUP 7: PROVENANCE')}contributors: []
sources: []
license: CC-BY-SA-4.0
attribution: ""
---

> ${summary}

> [!NOTE] Confidence Rating: ★★☆ (Medium)
> This rating reflects our confidence that this pattern is a good and correct
> solution to the stated problem.

---

${body}`;
}
