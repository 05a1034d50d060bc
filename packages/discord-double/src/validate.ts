import { ButtonStyle, ComponentType, MessageFlags, OptionType, SELECT_TYPES } from './constants.js';
import { FormErrors } from './errors.js';
import { asArray, asRecord, asRecords, isRecord, type JsonObject, optNumber, optString } from './json.js';

/**
 * Discord's limits on what a bot sends, checked the way Discord checks them (a 400 Invalid Form Body
 * with per-field errors), so a bot that would be rejected in production is rejected here too.
 */

type Path = ReadonlyArray<string | number>;

/** Length in code points (an emoji counts once), the lenient reading of Discord's limits. */
export const textLength = (value: string): number => {
  let count = 0;
  for (const _ of value) count++;
  return count;
};

const tooLong = (errors: FormErrors, path: Path, value: unknown, max: number, min = 0) => {
  if (typeof value !== 'string') return;
  const length = value.length > max || value.length < min ? textLength(value) : value.length;
  if (length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  else if (length < min) errors.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
};

const required = (errors: FormErrors, path: Path, value: unknown) => {
  if (value === undefined || value === null || value === '') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return false;
  }
  return true;
};

/** Visits every component in a tree: rows, containers, sections' accessories and labels' children. */
export const walkComponents = (
  components: readonly unknown[],
  visit: (component: JsonObject, path: Array<string | number>) => void,
  path: Array<string | number> = ['components'],
): void => {
  components.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const here = [...path, index];
    visit(raw, here);
    if (Array.isArray(raw.components)) walkComponents(raw.components, visit, [...here, 'components']);
    if (isRecord(raw.accessory)) walkComponents([raw.accessory], visit, [...here, 'accessory']);
    if (isRecord(raw.component)) walkComponents([raw.component], visit, [...here, 'component']);
  });
};

const validateButton = (errors: FormErrors, c: JsonObject, path: Path) => {
  const style = optNumber(c.style);
  if (style === undefined || style < 1 || style > 6)
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4, 5, 6).');
  if (style === ButtonStyle.Link) {
    required(errors, [...path, 'url'], c.url);
    if (c.custom_id !== undefined)
      errors.add(
        [...path, 'custom_id'],
        'COMPONENT_LAYOUT_INVALID',
        'A link button cannot have a custom_id.',
      );
  } else if (style === ButtonStyle.Premium) {
    required(errors, [...path, 'sku_id'], c.sku_id);
  } else {
    if (required(errors, [...path, 'custom_id'], c.custom_id))
      tooLong(errors, [...path, 'custom_id'], c.custom_id, 100, 1);
  }
  tooLong(errors, [...path, 'label'], c.label, 80);
  if (style !== ButtonStyle.Premium && c.label === undefined && c.emoji === undefined)
    errors.add(path, 'BUTTON_COMPONENT_MISSING_LABEL_OR_EMOJI', 'A button needs a label or an emoji.');
};

const validateSelect = (errors: FormErrors, c: JsonObject, path: Path) => {
  if (required(errors, [...path, 'custom_id'], c.custom_id))
    tooLong(errors, [...path, 'custom_id'], c.custom_id, 100, 1);
  tooLong(errors, [...path, 'placeholder'], c.placeholder, 150);
  const min = optNumber(c.min_values) ?? 1;
  const max = optNumber(c.max_values) ?? 1;
  if (min < 0 || min > 25)
    errors.add([...path, 'min_values'], 'NUMBER_TYPE_MAX', 'min_values must be between 0 and 25.');
  if (max < 1 || max > 25)
    errors.add([...path, 'max_values'], 'NUMBER_TYPE_MAX', 'max_values must be between 1 and 25.');
  if (min > max)
    errors.add(
      [...path, 'min_values'],
      'SELECT_COMPONENT_MIN_VALUES_GT_MAX',
      'min_values is greater than max_values.',
    );
  if (c.type === ComponentType.StringSelect) {
    const options = asArray(c.options);
    if (options.length < 1 || options.length > 25)
      errors.add([...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
    if (max > options.length && options.length > 0)
      errors.add(
        [...path, 'max_values'],
        'SELECT_COMPONENT_MAX_VALUES_GT_OPTIONS',
        'max_values is greater than the number of options.',
      );
    const seen = new Set<string>();
    options.forEach((raw, i) => {
      const option = asRecord(raw);
      const optionPath = [...path, 'options', i];
      if (required(errors, [...optionPath, 'label'], option.label))
        tooLong(errors, [...optionPath, 'label'], option.label, 100, 1);
      if (required(errors, [...optionPath, 'value'], option.value))
        tooLong(errors, [...optionPath, 'value'], option.value, 100, 1);
      tooLong(errors, [...optionPath, 'description'], option.description, 100);
      const value = optString(option.value);
      if (value !== undefined) {
        if (seen.has(value))
          errors.add(
            [...optionPath, 'value'],
            'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
            'Option values must be unique.',
          );
        seen.add(value);
      }
    });
  }
};

const MAX_CV2_COMPONENTS = 40;
const CV2_TOP_LEVEL: ReadonlySet<number> = new Set([
  ComponentType.ActionRow,
  ComponentType.Section,
  ComponentType.TextDisplay,
  ComponentType.MediaGallery,
  ComponentType.File,
  ComponentType.Separator,
  ComponentType.Container,
]);

export const validateMessageComponents = (
  errors: FormErrors,
  components: readonly unknown[],
  flags: number,
) => {
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  if (!v2 && components.length > 5)
    errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  let count = 0;
  const customIds = new Map<string, Path>();
  components.forEach((raw, index) => {
    const type = isRecord(raw) ? raw.type : undefined;
    if (v2 ? !CV2_TOP_LEVEL.has(Number(type)) : type !== ComponentType.ActionRow)
      errors.add(
        ['components', index, 'type'],
        'UNION_TYPE_CHOICES',
        `Component type ${String(type)} is not allowed at the top level.`,
      );
  });
  walkComponents(components, (c, path) => {
    count++;
    const type = optNumber(c.type);
    if (type === ComponentType.ActionRow) {
      const children = asArray(c.components);
      if (children.length < 1 || children.length > 5)
        errors.add([...path, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      const selects = children.filter((child) => isRecord(child) && SELECT_TYPES.has(Number(child.type)));
      if (selects.length > 0 && children.length > 1)
        errors.add(
          [...path, 'components'],
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          'A select menu must be alone in its action row.',
        );
    } else if (type === ComponentType.Button) validateButton(errors, c, path);
    else if (type !== undefined && SELECT_TYPES.has(type)) validateSelect(errors, c, path);
    else if (type === ComponentType.TextDisplay) tooLong(errors, [...path, 'content'], c.content, 4000, 1);
    const customId = optString(c.custom_id);
    if (customId !== undefined) {
      if (customIds.has(customId))
        errors.add(
          [...path, 'custom_id'],
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          `Component custom id "${customId}" is used more than once.`,
        );
      customIds.set(customId, path);
    }
  });
  if (v2 && count > MAX_CV2_COMPONENTS)
    errors.add(
      ['components'],
      'COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED',
      `A message may hold at most ${MAX_CV2_COMPONENTS} components.`,
    );
};

export const validateEmbeds = (errors: FormErrors, embeds: readonly unknown[]) => {
  if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  const count = (value: unknown) => (typeof value === 'string' ? textLength(value) : 0);
  embeds.forEach((raw, i) => {
    const embed = asRecord(raw);
    const path = ['embeds', i];
    tooLong(errors, [...path, 'title'], embed.title, 256);
    tooLong(errors, [...path, 'description'], embed.description, 4096);
    const footer = asRecord(embed.footer);
    const author = asRecord(embed.author);
    tooLong(errors, [...path, 'footer', 'text'], footer.text, 2048);
    tooLong(errors, [...path, 'author', 'name'], author.name, 256);
    const color = embed.color;
    if (color !== undefined && color !== null && (typeof color !== 'number' || color < 0 || color > 0xffffff))
      errors.add([...path, 'color'], 'NUMBER_TYPE_MAX', 'color must be an integer between 0 and 16777215.');
    const fields = asArray(embed.fields);
    if (fields.length > 25)
      errors.add([...path, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    total += count(embed.title) + count(embed.description) + count(footer.text) + count(author.name);
    fields.forEach((rawField, j) => {
      const field = asRecord(rawField);
      const fieldPath = [...path, 'fields', j];
      if (required(errors, [...fieldPath, 'name'], field.name))
        tooLong(errors, [...fieldPath, 'name'], field.name, 256);
      if (required(errors, [...fieldPath, 'value'], field.value))
        tooLong(errors, [...fieldPath, 'value'], field.value, 1024);
      total += count(field.name) + count(field.value);
    });
  });
  if (total > 6000)
    errors.add(
      ['embeds'],
      'MESSAGE_EMBED_TOTAL_TOO_LONG',
      `Embed size exceeds maximum size of 6000 (${total}).`,
    );
};

export interface MessageShape {
  readonly content: string;
  readonly embeds: readonly unknown[];
  readonly components: readonly unknown[];
  readonly attachmentCount: number;
  readonly flags: number;
  readonly hasStickersOrPoll: boolean;
}

/** Form errors for a message as it would be after the create or edit. */
export const validateMessage = (message: MessageShape, errors = new FormErrors()): FormErrors => {
  const v2 = (message.flags & MessageFlags.IsComponentsV2) !== 0;
  if (v2) {
    if (message.content !== '')
      errors.add(
        ['content'],
        'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        'The content field cannot be used when using MessageFlags.IS_COMPONENTS_V2',
      );
    if (message.embeds.length > 0)
      errors.add(
        ['embeds'],
        'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        'The embeds field cannot be used when using MessageFlags.IS_COMPONENTS_V2',
      );
  }
  tooLong(errors, ['content'], message.content, 2000);
  validateEmbeds(errors, message.embeds);
  validateMessageComponents(errors, message.components, message.flags);
  return errors;
};

export const isEmptyMessage = (message: MessageShape): boolean =>
  message.content.trim() === '' &&
  message.embeds.length === 0 &&
  message.components.length === 0 &&
  message.attachmentCount === 0 &&
  !message.hasStickersOrPoll;

const MODAL_CHILD_TYPES: ReadonlySet<number> = new Set([
  ComponentType.TextInput,
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
  ComponentType.FileUpload,
  ComponentType.RadioGroup,
  ComponentType.CheckboxGroup,
  ComponentType.Checkbox,
]);

const validateTextInput = (errors: FormErrors, c: JsonObject, path: Path, inLabel: boolean) => {
  const style = optNumber(c.style);
  if (style !== 1 && style !== 2)
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2).');
  if (inLabel) {
    if (c.label !== undefined)
      errors.add(
        [...path, 'label'],
        'COMPONENT_LAYOUT_INVALID',
        'A text input inside a label cannot have its own label.',
      );
  } else if (required(errors, [...path, 'label'], c.label))
    tooLong(errors, [...path, 'label'], c.label, 45, 1);
  const min = optNumber(c.min_length);
  const max = optNumber(c.max_length);
  if (min !== undefined && (min < 0 || min > 4000))
    errors.add([...path, 'min_length'], 'NUMBER_TYPE_MAX', 'min_length must be between 0 and 4000.');
  if (max !== undefined && (max < 1 || max > 4000))
    errors.add([...path, 'max_length'], 'NUMBER_TYPE_MAX', 'max_length must be between 1 and 4000.');
  if (min !== undefined && max !== undefined && min > max)
    errors.add([...path, 'min_length'], 'NUMBER_TYPE_MAX', 'min_length is greater than max_length.');
  tooLong(errors, [...path, 'value'], c.value, max ?? 4000);
  tooLong(errors, [...path, 'placeholder'], c.placeholder, 100);
};

/** Checks a type-9 modal callback's data. */
export const validateModal = (data: JsonObject): FormErrors => {
  const errors = new FormErrors();
  if (required(errors, ['title'], data.title)) tooLong(errors, ['title'], data.title, 45, 1);
  if (required(errors, ['custom_id'], data.custom_id)) tooLong(errors, ['custom_id'], data.custom_id, 100, 1);
  const components = asArray(data.components);
  if (components.length < 1 || components.length > 5)
    errors.add(['components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  const customIds = new Set<string>();
  const noteId = (c: JsonObject, path: Path) => {
    const id = optString(c.custom_id);
    if (id === undefined) return;
    if (customIds.has(id))
      errors.add(
        [...path, 'custom_id'],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        `Component custom id "${id}" is used more than once.`,
      );
    customIds.add(id);
  };
  components.forEach((raw, i) => {
    const c = asRecord(raw);
    const path = ['components', i];
    if (c.type === ComponentType.ActionRow) {
      const children = asRecords(c.components);
      if (children.length !== 1 || children[0]?.type !== ComponentType.TextInput)
        errors.add(
          [...path, 'components'],
          'COMPONENT_LAYOUT_INVALID',
          'A modal action row must hold exactly one text input.',
        );
      children.forEach((child, j) => {
        if (child.type === ComponentType.TextInput)
          validateTextInput(errors, child, [...path, 'components', j], false);
        noteId(child, [...path, 'components', j]);
      });
    } else if (c.type === ComponentType.Label) {
      if (required(errors, [...path, 'label'], c.label)) tooLong(errors, [...path, 'label'], c.label, 45, 1);
      tooLong(errors, [...path, 'description'], c.description, 100);
      const child = asRecord(c.component);
      const childType = optNumber(child.type);
      if (childType === undefined || !MODAL_CHILD_TYPES.has(childType))
        errors.add(
          [...path, 'component', 'type'],
          'UNION_TYPE_CHOICES',
          `Component type ${String(child.type)} is not allowed in a label.`,
        );
      else if (childType === ComponentType.TextInput)
        validateTextInput(errors, child, [...path, 'component'], true);
      else if (SELECT_TYPES.has(childType)) validateSelect(errors, child, [...path, 'component']);
      else if (required(errors, [...path, 'component', 'custom_id'], child.custom_id))
        tooLong(errors, [...path, 'component', 'custom_id'], child.custom_id, 100, 1);
      noteId(child, [...path, 'component']);
    } else if (c.type !== ComponentType.TextDisplay) {
      errors.add(
        [...path, 'type'],
        'UNION_TYPE_CHOICES',
        `Component type ${String(c.type)} is not allowed in a modal.`,
      );
    }
  });
  return errors;
};

/** Checks a type-8 autocomplete callback's choices. */
export const validateChoices = (choices: readonly unknown[]): FormErrors => {
  const errors = new FormErrors();
  if (choices.length > 25) errors.add(['choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((raw, i) => {
    const choice = asRecord(raw);
    if (required(errors, ['choices', i, 'name'], choice.name))
      tooLong(errors, ['choices', i, 'name'], choice.name, 100, 1);
    if (typeof choice.value === 'string') tooLong(errors, ['choices', i, 'value'], choice.value, 100);
    else if (typeof choice.value !== 'number')
      errors.add(['choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return errors;
};

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const validateOptions = (errors: FormErrors, options: readonly unknown[], path: Path, depth: number) => {
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((raw, i) => {
    const option = asRecord(raw);
    const here = [...path, i];
    const type = optNumber(option.type);
    const name = optString(option.name);
    if (type === undefined || type < 1 || type > 11)
      errors.add([...here, 'type'], 'BASE_TYPE_CHOICES', 'Invalid option type.');
    if (name === undefined || !COMMAND_NAME.test(name) || name !== name.toLowerCase())
      errors.add(
        [...here, 'name'],
        'APPLICATION_COMMAND_INVALID_NAME',
        `Invalid option name "${String(option.name)}".`,
      );
    else if (names.has(name))
      errors.add(
        [...here, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        `Duplicate option name "${name}".`,
      );
    if (name !== undefined) names.add(name);
    if (required(errors, [...here, 'description'], option.description))
      tooLong(errors, [...here, 'description'], option.description, 100, 1);
    const isContainer = type === OptionType.Subcommand || type === OptionType.SubcommandGroup;
    if (isContainer) {
      if (depth >= (type === OptionType.SubcommandGroup ? 1 : 2))
        errors.add(
          [...here, 'type'],
          'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
          'Subcommands nest at most two levels deep.',
        );
      validateOptions(errors, asArray(option.options), [...here, 'options'], depth + 1);
    } else {
      if (option.required === true && sawOptional)
        errors.add(
          [...here, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options.',
        );
      if (option.required !== true) sawOptional = true;
      const choices = asArray(option.choices);
      if (choices.length > 25)
        errors.add([...here, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      if (choices.length > 0 && option.autocomplete === true)
        errors.add(
          [...here, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          'Autocomplete cannot be set with choices.',
        );
    }
  });
};

/** Checks one command definition as PUT/POST to the commands endpoints. */
export const validateCommand = (command: JsonObject, errors: FormErrors, path: Path): void => {
  const type = optNumber(command.type) ?? 1;
  const name = optString(command.name);
  if (type === 1) {
    if (name === undefined || !COMMAND_NAME.test(name) || name !== name.toLowerCase())
      errors.add(
        [...path, 'name'],
        'APPLICATION_COMMAND_INVALID_NAME',
        `Invalid command name "${String(command.name)}".`,
      );
    if (required(errors, [...path, 'description'], command.description))
      tooLong(errors, [...path, 'description'], command.description, 100, 1);
  } else if (required(errors, [...path, 'name'], name)) tooLong(errors, [...path, 'name'], name, 32, 1);
  validateOptions(errors, asArray(command.options), [...path, 'options'], 0);
};
