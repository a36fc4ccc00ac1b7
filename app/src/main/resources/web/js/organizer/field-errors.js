// An organizer's forms: each refusal beside the field it is about ("prices.FLOOR.amount" beside the prices).

/**
 * Writes each of {@code errors} ([{field, message}]) beside its field: {@code placeOf(field)} finds the
 * `.field-error` element (by default the one whose data-field is the path's first part), {@code wordsOf} says it.
 * Returns the errors that have no place, for the form to say above its button.
 */
export function showFieldErrors(form, errors, {placeOf = field => form.querySelector(
    `.field-error[data-field="${field.split('.')[0]}"]`), wordsOf = (field, message) => message} = {}) {
    const unplaced = [];
    for (const {field, message} of errors) {
        const target = placeOf(field);
        const words = wordsOf(field, message);
        if (target) {
            target.textContent = target.textContent ? `${target.textContent}; ${words}` : words;
        } else {
            unplaced.push({field, message});
        }
    }
    return unplaced;
}

export function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach(node => node.textContent = '');
    form.querySelector('.problem').textContent = '';
}
