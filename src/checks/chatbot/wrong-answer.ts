import { defineCheck } from '../../core/check.js';
import { modeFindings } from '../../eval/audit/findings.js';

export default defineCheck({
  id: 'chatbot.wrong-answer',
  severity: 'high',
  stage: 6,
  title: 'The chatbot answers customer questions in line with the store facts',
  failureTitle: 'The chatbot gives confident wrong answers',
  description:
    'Runs the `ecommerce` pack (real customer questions: orders, shipping, sizes, returns, discount codes, hand-offs) against the chatbot and grades each reply against store.yaml: a stated shipping country, price, free-shipping threshold, delivery time, return window or support hours that contradicts the facts fails, as does a made-up answer where the bot should look up or hand off.',
  impact: 'A bot that promises free next-day delivery or a 90-day return window creates refunds, chargebacks and angry customers the shop has to honour or fight.',
  remediation:
    'Ground the bot in the store facts (put them in the system prompt or a tool it must call), tell it to hand off when unsure, and run `launch-ready eval --pack ecommerce` after every prompt or model change.',
  reference: 'https://owasp.org/www-project-top-10-for-large-language-model-applications/',
  requires: ['chatbot'],
  run: ({ chatbot }) => modeFindings(chatbot, 'wrong-answer'),
});
