terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.82"
    }
  }

  # Staging keeps its state beside this file so that the demo and the tests read a real state
  # file; production uses a remote backend (S3 with locking).
}
