"""The API's request and response bodies as pydantic models, one module per group of
routes. They describe what the views send and accept (the description is generated from
them); the views keep their own checks, which answer a message per field."""
