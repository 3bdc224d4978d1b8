"""What the project's trained NLU components share: their trained state is one object saved with
skops in the component's resource (`MODEL_FILE`), and loading refuses a file holding any type
outside `TRUSTED_TYPES` (as Rasa's own SklearnIntentClassifier saves, but never unpickling what
is not trusted). LinearIntentClassifier, ChoiceReader and RiskModel are built on `SavedModel`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar, Dict, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)

#: the only types a saved model may hold beyond what skops trusts by default
TRUSTED_TYPES = [
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64",
    "numpy.int64",
    "builtins.slice",
    "scipy.sparse._csr.csr_matrix",
    "bot.nlu.risk_model.SentenceEmbedding",
]


class ModelFileError(RuntimeError):
    """The saved model file can't be loaded: it is damaged, or holds an untrusted type."""


class UntrustedModelError(ModelFileError):
    """The saved model file holds a type that loading it could use to run code."""


class SavedModel(GraphComponent):
    """A trainable component holding one fitted object (`self._model`, of type `MODEL_TYPE`), saved
    as `MODEL_FILE`. Loading a resource with no file gives an empty component, which sets nothing;
    a damaged or untrusted file raises ModelFileError."""

    MODEL_FILE: ClassVar[str]
    MODEL_TYPE: ClassVar[type]

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, model: Optional[Any] = None
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SavedModel":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "SavedModel":
        try:
            with model_storage.read_from(resource) as model_dir:
                return cls(config, model_storage, resource, read_model(model_dir / cls.MODEL_FILE, cls.MODEL_TYPE))
        except (ValueError, FileNotFoundError):  # Rasa's model storage raises ValueError for a missing resource
            logger.debug("No trained %s in resource %s", cls.__name__, resource.name)
            return cls(config, model_storage, resource)

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self._model, model_dir / self.MODEL_FILE)


def read_model(path: Path, kind: type) -> Any:
    """Loads a saved model (of type `kind`), refusing untrusted types. Errors are ModelFileError,
    so that a damaged file is not mistaken for a missing one (which gives an empty component)."""
    import skops.io as sio

    if not path.exists():
        raise FileNotFoundError(path)
    try:
        untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            raise UntrustedModelError(f"the saved model {path.name} holds types that are not trusted: {untrusted}")
        model = sio.load(path, trusted=TRUSTED_TYPES)
    except ModelFileError:
        raise
    except Exception as error:
        raise ModelFileError(f"the saved model {path.name} can't be read: {error}") from error
    if not isinstance(model, kind):
        raise ModelFileError(f"the saved model {path.name} is not a {kind.__name__}")
    return model


__all__ = ["ModelFileError", "SavedModel", "TRUSTED_TYPES", "UntrustedModelError", "read_model"]
