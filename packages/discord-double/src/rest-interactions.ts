import { ErrorCode } from './constants.js';
import { notFound } from './errors.js';
import {
  createFollowUp,
  deleteWebhookMessage,
  editWebhookMessage,
  handleCallback,
  interactionForWebhook,
  webhookMessage,
} from './interactions.js';
import { body, type Handler, noContent, ok, param } from './rest-helpers.js';
import { apiMessage } from './serialize.js';

/** REST: interaction callbacks and the interaction webhooks (follow-ups, @original). */

export const interactionCallback: Handler = (ctx, request) => {
  const interaction = ctx.state.interactions.get(param(request, 'interactionId'));
  if (!interaction || interaction.token !== param(request, 'token'))
    throw notFound(ErrorCode.UnknownInteraction, 'interaction');
  const result = handleCallback(
    ctx,
    interaction,
    body(request),
    request.files,
    request.query.get('with_response') === 'true',
  );
  return { status: result.status, body: result.body };
};

export const executeWebhook: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  const message = createFollowUp(ctx, interaction, body(request), request.files);
  return request.query.get('wait') === 'true' ? ok(apiMessage(ctx.state, message)) : noContent;
};

export const getWebhookMessage: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  return ok(apiMessage(ctx.state, webhookMessage(ctx, interaction, param(request, 'messageId'))));
};

export const patchWebhookMessage: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  const message = editWebhookMessage(
    ctx,
    interaction,
    param(request, 'messageId'),
    body(request),
    request.files,
  );
  return ok(apiMessage(ctx.state, message));
};

export const deleteWebhookMessageRoute: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  deleteWebhookMessage(ctx, interaction, param(request, 'messageId'));
  return noContent;
};
